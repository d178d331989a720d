package org.dbb.console.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.workspace.pipeline.DynamicValue;

/**
 * Tells which environment metadata a Lookup reads from its query: the console answers {@code meta.environment_config},
 * {@code meta.fabric_items} and {@code meta.fabric_connections} from the Fabric API and nothing else. Stateless.
 */
final class LookupSources {

    /** Where Lookup sources keep their query text, by connector. */
    private static final List<String> QUERY_MEMBERS = List.of("sqlReaderQuery", "query", "sqlQuery",
            "sqlReaderStoredProcedureName");
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join)\\s+((?:\\[?[\\w$#]+\\]?\\.){0,2}"
            + "\\[?[\\w$#]+\\]?)");
    private static final Map<String, LookupSource> ANSWERED = Map.of(
            "meta.environment_config", LookupSource.ENVIRONMENT,
            "meta.fabric_items", LookupSource.ITEMS,
            "meta.fabric_connections", LookupSource.CONNECTIONS);

    private LookupSources() {
    }

    /**
     * What a Lookup reads.
     *
     * @param source          its {@code typeProperties.source}
     * @param datasetSettings its {@code typeProperties.datasetSettings}, for table lookups without a query
     */
    static Classified classify(JsonNode source, JsonNode datasetSettings) {
        List<String> tables = new ArrayList<>();
        for (String member : QUERY_MEMBERS) {
            JsonNode query = source.path(member);
            if (!query.isMissingNode() && !query.isNull()) {
                Matcher m = TABLE.matcher(DynamicValue.of(query).display());
                while (m.find()) {
                    tables.add(normalised(m.group(1)));
                }
                if (member.equals("sqlReaderStoredProcedureName")) {
                    tables.add(normalised(DynamicValue.of(query).display()));
                }
            }
        }
        JsonNode table = datasetSettings.path("typeProperties");
        if (tables.isEmpty() && table.path("table").isTextual()) {
            String schema = table.path("schema").asText("");
            tables.add(normalised((schema.isEmpty() ? "" : schema + ".") + table.path("table").asText()));
        }
        for (String name : tables) {
            LookupSource answered = ANSWERED.get(name);
            if (answered != null) {
                return new Classified(Optional.of(answered), name);
            }
        }
        String what = tables.isEmpty()
                ? "a " + source.path("type").asText("source") + " without a table the console can recognise"
                : tables.get(0);
        return new Classified(Optional.empty(), what);
    }

    private static String normalised(String name) {
        return name.replace("[", "").replace("]", "").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A classified Lookup.
     *
     * @param source what the console answers it with; empty when it cannot
     * @param reads  the table it reads, or a description of its source
     */
    record Classified(Optional<LookupSource> source, String reads) {
    }
}
