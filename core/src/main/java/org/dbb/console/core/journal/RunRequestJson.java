package org.dbb.console.core.journal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.OptionalInt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunRequest;

/** Writes a {@link RunRequest} as JSON for the journal and reads it back. Stateless and thread-safe. */
final class RunRequestJson {

    private final ObjectMapper mapper;

    RunRequestJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The request as JSON; the values of {@code secure} parameters are left out, only their names are kept. */
    String write(RunRequest request, Set<String> secure) {
        ObjectNode root = mapper.createObjectNode();
        root.put("environment", request.environment());
        ObjectNode parameters = root.putObject("parameters");
        ArrayNode withheld = mapper.createArrayNode();
        request.parameters().forEach((name, value) -> {
            if (secure.contains(name)) {
                withheld.add(name);
            } else {
                parameters.set(name, value);
            }
        });
        if (!withheld.isEmpty()) {
            root.set("withheldParameters", withheld);
        }
        root.put("maintenance", request.maintenance());
        request.models().ifPresent(models -> {
            ArrayNode list = root.putArray("models");
            models.forEach(list::add);
        });
        request.concurrency().ifPresent(cap -> root.put("concurrency", cap));
        root.put("refreshMode", request.refreshMode().name());
        root.put("operator", request.operator());
        request.rerun().ifPresent(rerun -> {
            ObjectNode r = root.putObject("rerun");
            r.put("originalRunId", rerun.originalRunId());
            r.put("origin", rerun.originalOrigin().name());
            r.put("mode", rerun.mode().name());
            rerun.stage().ifPresent(stage -> r.put("stage", stage));
        });
        return root.toString();
    }

    /** The names of the securestring parameters whose values the request was given but the journal never held. */
    Set<String> withheld(String json) {
        Set<String> names = new LinkedHashSet<>();
        readTree(json).path("withheldParameters").forEach(n -> names.add(n.asText()));
        return names;
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run request in the journal is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    RunRequest read(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run request in the journal is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.path("parameters").fields();
        fields.forEachRemaining(f -> parameters.put(f.getKey(), f.getValue()));
        Optional<List<String>> models = Optional.empty();
        if (root.path("models").isArray()) {
            List<String> names = new ArrayList<>();
            root.get("models").forEach(m -> names.add(m.asText()));
            models = Optional.of(names);
        }
        OptionalInt concurrency = root.path("concurrency").isInt()
                ? OptionalInt.of(root.get("concurrency").asInt()) : OptionalInt.empty();
        Optional<RerunRequest> rerun = Optional.empty();
        JsonNode r = root.path("rerun");
        if (r.isObject()) {
            rerun = Optional.of(new RerunRequest(r.path("originalRunId").asText(),
                    RunOrigin.valueOf(r.path("origin").asText(RunOrigin.CONSOLE.name())),
                    RerunMode.valueOf(r.path("mode").asText()),
                    r.hasNonNull("stage") ? Optional.of(r.get("stage").asText()) : Optional.empty()));
        }
        return new RunRequest(root.path("environment").asText(), parameters, root.path("maintenance").asBoolean(),
                models, concurrency, RefreshMode.valueOf(root.path("refreshMode").asText(RefreshMode.POWER_BI_API
                .name())), root.path("operator").asText(), rerun);
    }
}
