package org.dbb.console.core.emulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.files.yaml.PositionedYaml;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.pipeline.NestedActivity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;

/**
 * Reads emulator scenario files (YAML) into a {@link Scenario}, reporting every mistake with its line and column.
 * The format is described in {@code SCENARIOS.md} beside the default scenario. Thread-safe.
 */
public final class ScenarioReader {

    /** The classpath resource of the scenario the sandbox plays unless told otherwise. */
    public static final String DEFAULT_RESOURCE = "/org/dbb/console/core/emulator/default-scenario.yml";

    private static final double MAX_SECONDS = 30 * 24 * 3600;

    private static final Set<String> TOP_KEYS = keys("version", "timeScale", "defaults", "connections", "items",
            "models", "faults", "tokenExpiry", "schedule", "omitChildRunIds");
    private static final Set<String> DEFAULT_KEYS = keys("queueSeconds", "jobSeconds", "activitySeconds",
            "activityTypeSeconds", "refreshSeconds", "refreshQueueSeconds", "operationSeconds", "cancelSeconds",
            "pollSeconds");
    private static final Set<String> ITEM_KEYS = keys("seconds", "queueSeconds", "failOnAttempts",
            "dedupeOnAttempts", "failure", "exitValue", "activities", "branches", "rows");
    private static final Set<String> ROWS_KEYS = keys("read", "copied");
    private static final Set<String> JOB_FAILURE_KEYS = keys("activity", "errorCode", "message");
    private static final Set<String> MODEL_KEYS = keys("seconds", "failOnAttempts", "failure", "busy");
    private static final Set<String> REFRESH_FAILURE_KEYS = keys("engineCode", "errorCode", "message");
    private static final Set<String> BUSY_KEYS = keys("startAfterSeconds", "seconds");
    private static final Set<String> FAULT_KEYS = keys("route", "kind", "requests", "retryAfterSeconds", "status",
            "delayMillis");
    private static final Set<String> TOKEN_KEYS = keys("afterRequests", "afterSeconds");
    private static final Set<String> CONNECTION_KEYS = keys("id", "name", "type", "path", "connectivityType");
    private static final Set<String> SCHEDULE_KEYS = keys("pipeline", "startAfterSeconds", "parameters");

    private final Set<String> routeKeys;
    private final PipelineReader pipelineReader = new PipelineReader();

    /**
     * @param routeKeys the routes faults may name, {@code METHOD /template}; the emulator lists its own
     */
    public ScenarioReader(Collection<String> routeKeys) {
        this.routeKeys = Set.copyOf(routeKeys);
    }

    /**
     * Reads a scenario file.
     *
     * @throws InvalidInputException with every error found
     */
    public Scenario read(Path file) {
        return parse(file, TextFile.read(file).text());
    }

    /**
     * Reads scenario text; {@code file} names it in problems.
     *
     * @throws InvalidInputException with every error found
     */
    public Scenario parse(Path file, String text) {
        Reading reading = new Reading(new PositionedYaml(file, PositionedYaml.KeyMatch.EXACT));
        Optional<Scenario> scenario = reading.scenario(text);
        List<Problem> errors = sorted(reading.yaml.problems()).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty() || scenario.isEmpty()) {
            throw new InvalidInputException(errors.isEmpty() ? sorted(reading.yaml.problems()) : errors);
        }
        return scenario.get();
    }

    /**
     * Every problem of a scenario, errors and warnings, including names of items, models and activities that the
     * repository does not have (warnings: the scenario still runs, those entries simply never apply).
     */
    public List<Problem> check(Path file, String text, ItemScan items) {
        Reading reading = new Reading(new PositionedYaml(file, PositionedYaml.KeyMatch.EXACT));
        reading.scenario(text);
        for (NameReference ref : reading.references) {
            resolve(ref, items, reading.yaml);
        }
        return sorted(reading.yaml.problems());
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }

    /** The scenario shipped with the console: a retried failure, a busy model and an overrun on the sample. */
    public Scenario defaultScenario() {
        try (InputStream in = ScenarioReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default scenario missing from the build: " + DEFAULT_RESOURCE);
            }
            return parse(Path.of(DEFAULT_RESOURCE.substring(1)),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    private void resolve(NameReference ref, ItemScan scan, PositionedYaml yaml) {
        switch (ref.kind) {
            case ITEM -> {
                if (scan.items().stream().noneMatch(i -> i.displayName().equals(ref.name))) {
                    yaml.warning(ref.node, "no item is called '" + ref.name + "' in the repository, so this entry"
                            + " never applies" + suggestion(ref.name, scan.items().stream()
                            .map(Item::displayName).toList()));
                }
            }
            case MODEL -> {
                List<String> models = scan.ofType("SemanticModel").stream().map(Item::displayName).toList();
                if (!models.contains(ref.name)) {
                    yaml.warning(ref.node, "no semantic model is called '" + ref.name + "' in the repository, so"
                            + " this entry never applies" + suggestion(ref.name, models));
                }
            }
            case PIPELINE -> {
                List<String> pipelines = scan.ofType("DataPipeline").stream().map(Item::displayName).toList();
                if (!pipelines.contains(ref.name)) {
                    yaml.warning(ref.node, "no pipeline is called '" + ref.name + "' in the repository, so this"
                            + " scheduled run never starts" + suggestion(ref.name, pipelines));
                }
            }
            case PARAMETER -> scan.find("DataPipeline", ref.owner).flatMap(this::pipeline).ifPresent(p -> {
                if (!p.parameters().containsKey(ref.name)) {
                    yaml.warning(ref.node, "pipeline '" + ref.owner + "' declares no parameter '" + ref.name
                            + "'; Fabric would ignore it" + suggestion(ref.name, List.copyOf(p.parameters().keySet())));
                }
            });
            case ACTIVITY -> scan.find("DataPipeline", ref.owner).flatMap(this::pipeline).ifPresent(p -> {
                List<String> names = p.allActivities().stream().map(NestedActivity::activity)
                        .map(a -> a.name()).toList();
                if (!names.contains(ref.name)) {
                    yaml.warning(ref.node, "pipeline '" + ref.owner + "' has no activity called '" + ref.name
                            + "', so this entry never applies" + suggestion(ref.name, names));
                }
            });
        }
    }

    private Optional<Pipeline> pipeline(Item item) {
        try {
            return Optional.of(pipelineReader.read(item.folder().resolve("pipeline-content.json"),
                    item.displayName()));
        } catch (InvalidInputException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static String suggestion(String name, List<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(lower)).findFirst()
                .map(c -> "; did you mean '" + c + "'?")
                .orElse("; names must match exactly");
    }

    private static Set<String> keys(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    private enum ReferenceKind { ITEM, PIPELINE, PARAMETER, MODEL, ACTIVITY }

    /** A name the scenario uses that only the repository can confirm. */
    private record NameReference(ReferenceKind kind, String name, String owner, Node node) {
    }

    /** One read of one file. */
    private final class Reading {
        private final PositionedYaml yaml;
        private final List<NameReference> references = new ArrayList<>();

        Reading(PositionedYaml yaml) {
            this.yaml = yaml;
        }

        Optional<Scenario> scenario(String text) {
            Optional<Node> root = yaml.compose(text);
            if (root.isEmpty()) {
                if (yaml.problems().isEmpty()) {
                    yaml.problems().add(Problem.error(yaml.file(), 1, 1,
                            "the scenario file is empty; add at least 'timeScale: 1'"));
                }
                return Optional.empty();
            }
            Optional<Map<String, NodeTuple>> top = yaml.mapping(root.get(), "the scenario file", TOP_KEYS);
            if (top.isEmpty()) {
                return Optional.empty();
            }
            Map<String, NodeTuple> t = top.get();
            if (t.containsKey("version")) {
                yaml.integer(value(t, "version"), "version", 1, 1);
            }
            double timeScale = t.containsKey("timeScale")
                    ? yaml.number(value(t, "timeScale"), "timeScale", 0.000001, 1000).orElse(1)
                    : 1;
            ScenarioDefaults defaults = t.containsKey("defaults") ? defaults(value(t, "defaults"))
                    : ScenarioDefaults.STANDARD;
            List<ConnectionSeed> connections = t.containsKey("connections")
                    ? connections(value(t, "connections")) : List.of();
            Map<String, ItemScript> items = t.containsKey("items") ? items(value(t, "items")) : Map.of();
            Map<String, ModelScript> models = t.containsKey("models") ? models(value(t, "models")) : Map.of();
            List<RouteFault> faults = t.containsKey("faults") ? faults(value(t, "faults")) : List.of();
            Optional<TokenExpiry> tokenExpiry = t.containsKey("tokenExpiry")
                    ? tokenExpiry(value(t, "tokenExpiry")) : Optional.empty();
            List<ScheduledRun> schedule = t.containsKey("schedule") ? schedule(value(t, "schedule")) : List.of();
            boolean omitChildRunIds = t.containsKey("omitChildRunIds")
                    && yaml.bool(value(t, "omitChildRunIds"), "omitChildRunIds").orElse(false);
            if (yaml.problems().stream().anyMatch(Problem::isError)) {
                return Optional.empty();
            }
            return Optional.of(new Scenario(timeScale, defaults, items, models, faults, tokenExpiry, connections,
                    schedule, omitChildRunIds));
        }

        private ScenarioDefaults defaults(Node node) {
            ScenarioDefaults d = ScenarioDefaults.STANDARD;
            Optional<Map<String, NodeTuple>> m = yaml.mapping(node, "defaults", DEFAULT_KEYS);
            if (m.isEmpty()) {
                return d;
            }
            Map<String, NodeTuple> e = m.get();
            Map<String, Double> typeSeconds = new LinkedHashMap<>(d.activityTypeSeconds());
            if (e.containsKey("activityTypeSeconds")) {
                yaml.mapping(value(e, "activityTypeSeconds"), "defaults.activityTypeSeconds", Set.of())
                        .ifPresent(types -> types.forEach((type, tuple) -> seconds(tuple.getValueNode(),
                                "defaults.activityTypeSeconds." + type).ifPresent(s -> typeSeconds.put(type, s))));
            }
            return new ScenarioDefaults(
                    secondsOr(e, "queueSeconds", "defaults", d.queueSeconds()),
                    secondsOr(e, "jobSeconds", "defaults", d.jobSeconds()),
                    secondsOr(e, "activitySeconds", "defaults", d.activitySeconds()),
                    typeSeconds,
                    secondsOr(e, "refreshSeconds", "defaults", d.refreshSeconds()),
                    secondsOr(e, "refreshQueueSeconds", "defaults", d.refreshQueueSeconds()),
                    secondsOr(e, "operationSeconds", "defaults", d.operationSeconds()),
                    secondsOr(e, "cancelSeconds", "defaults", d.cancelSeconds()),
                    secondsOr(e, "pollSeconds", "defaults", d.pollSeconds()));
        }

        private List<ConnectionSeed> connections(Node node) {
            List<ConnectionSeed> out = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            yaml.sequence(node, "connections").ifPresent(list -> {
                for (Node element : list) {
                    yaml.mapping(element, "a connection", CONNECTION_KEYS).ifPresent(c -> {
                        Optional<String> id = required(c, "id", element, "a connection").flatMap(
                                v -> yaml.text(v, "connection id"));
                        id.ifPresent(v -> {
                            if (!v.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
                                yaml.error(value(c, "id"), "connection id '" + v + "' is not a GUID");
                            } else if (!ids.add(v.toLowerCase(Locale.ROOT))) {
                                yaml.error(value(c, "id"), "connection id '" + v + "' is listed twice");
                            }
                        });
                        Optional<String> name = required(c, "name", element, "a connection")
                                .flatMap(v -> yaml.text(v, "connection name"));
                        String type = optionalText(c, "type", "connection type").orElse("SQL");
                        String path = optionalText(c, "path", "connection path").orElse("");
                        String connectivity = optionalText(c, "connectivityType", "connectivityType")
                                .orElse("ShareableCloud");
                        if (id.isPresent() && name.isPresent()) {
                            out.add(new ConnectionSeed(id.get(), name.get(), type, path, connectivity));
                        }
                    });
                }
            });
            return out;
        }

        private Map<String, ItemScript> items(Node node) {
            Map<String, ItemScript> out = new LinkedHashMap<>();
            yaml.mapping(node, "items", Set.of()).ifPresent(items -> items.forEach((name, tuple) -> {
                references.add(new NameReference(ReferenceKind.ITEM, name, "", tuple.getKeyNode()));
                String where = "items." + name;
                yaml.mapping(tuple.getValueNode(), where, ITEM_KEYS).ifPresent(e -> {
                    Set<Integer> fail = e.containsKey("failOnAttempts")
                            ? yaml.counts(value(e, "failOnAttempts"), where + ".failOnAttempts") : Set.of();
                    Set<Integer> dedupe = e.containsKey("dedupeOnAttempts")
                            ? yaml.counts(value(e, "dedupeOnAttempts"), where + ".dedupeOnAttempts") : Set.of();
                    for (Integer attempt : fail) {
                        if (dedupe.contains(attempt)) {
                            yaml.error(value(e, "dedupeOnAttempts"), where + ": attempt " + attempt
                                    + " cannot both fail and be deduped; remove it from one list");
                        }
                    }
                    JobFailure failure = e.containsKey("failure") ? jobFailure(name, value(e, "failure"), where)
                            : JobFailure.DEFAULT;
                    Optional<String> exitValue = e.containsKey("exitValue")
                            ? Optional.of(exitValue(value(e, "exitValue"))) : Optional.empty();
                    Map<String, Double> activities = new LinkedHashMap<>();
                    if (e.containsKey("activities")) {
                        yaml.mapping(value(e, "activities"), where + ".activities", Set.of()).ifPresent(a ->
                                a.forEach((activity, t) -> {
                                    references.add(new NameReference(ReferenceKind.ACTIVITY, activity, name,
                                            t.getKeyNode()));
                                    seconds(t.getValueNode(), where + ".activities." + activity)
                                            .ifPresent(s -> activities.put(activity, s));
                                }));
                    }
                    Map<String, Boolean> branches = new LinkedHashMap<>();
                    if (e.containsKey("branches")) {
                        yaml.mapping(value(e, "branches"), where + ".branches", Set.of()).ifPresent(b ->
                                b.forEach((activity, t) -> {
                                    references.add(new NameReference(ReferenceKind.ACTIVITY, activity, name,
                                            t.getKeyNode()));
                                    yaml.bool(t.getValueNode(), where + ".branches." + activity)
                                            .ifPresent(v -> branches.put(activity, v));
                                }));
                    }
                    Map<String, CopyRows> rows = new LinkedHashMap<>();
                    if (e.containsKey("rows")) {
                        yaml.mapping(value(e, "rows"), where + ".rows", Set.of()).ifPresent(r ->
                                r.forEach((activity, t) -> {
                                    references.add(new NameReference(ReferenceKind.ACTIVITY, activity, name,
                                            t.getKeyNode()));
                                    copyRows(t.getValueNode(), where + ".rows." + activity)
                                            .ifPresent(c -> rows.put(activity, c));
                                }));
                    }
                    out.put(name, new ItemScript(optionalSeconds(e, "seconds", where),
                            optionalSeconds(e, "queueSeconds", where), fail, dedupe, failure, exitValue,
                            activities, branches, rows));
                });
            }));
            return out;
        }

        /** A Copy activity's counts: one number (read and copied), or {@code {read, copied}}. */
        private Optional<CopyRows> copyRows(Node node, String where) {
            if (!(node instanceof MappingNode)) {
                OptionalInt rows = yaml.integer(node, where, 0, Integer.MAX_VALUE);
                return rows.isPresent() ? Optional.of(CopyRows.all(rows.getAsInt())) : Optional.empty();
            }
            Optional<Map<String, NodeTuple>> m = yaml.mapping(node, where, ROWS_KEYS);
            if (m.isEmpty()) {
                return Optional.empty();
            }
            Optional<Node> readNode = required(m.get(), "read", node, where);
            OptionalInt read = readNode.isPresent() ? yaml.integer(readNode.get(), where + ".read", 0,
                    Integer.MAX_VALUE) : OptionalInt.empty();
            OptionalInt copied = m.get().containsKey("copied")
                    ? yaml.integer(value(m.get(), "copied"), where + ".copied", 0, Integer.MAX_VALUE) : read;
            if (read.isEmpty() || copied.isEmpty()) {
                return Optional.empty();
            }
            if (copied.getAsInt() > read.getAsInt()) {
                yaml.error(value(m.get(), "copied"), where + ".copied (" + copied.getAsInt() + ") cannot be more"
                        + " than read (" + read.getAsInt() + "); a copy writes at most the rows it reads");
                return Optional.empty();
            }
            return Optional.of(new CopyRows(read.getAsInt(), copied.getAsInt()));
        }

        private JobFailure jobFailure(String item, Node node, String where) {
            Optional<Map<String, NodeTuple>> m = yaml.mapping(node, where + ".failure", JOB_FAILURE_KEYS);
            if (m.isEmpty()) {
                return JobFailure.DEFAULT;
            }
            Map<String, NodeTuple> e = m.get();
            Optional<String> activity = optionalText(e, "activity", where + ".failure.activity");
            activity.ifPresent(a -> references.add(new NameReference(ReferenceKind.ACTIVITY, a, item,
                    value(e, "activity"))));
            return new JobFailure(activity,
                    optionalText(e, "errorCode", where + ".failure.errorCode").orElse(JobFailure.DEFAULT.errorCode()),
                    optionalText(e, "message", where + ".failure.message").orElse(JobFailure.DEFAULT.message()));
        }

        private String exitValue(Node node) {
            JsonNode json = yaml.toJson(node);
            // A notebook exits with a string; structured values are what a notebook would json.dumps().
            return json.isTextual() ? json.asText() : json.toString();
        }

        private Map<String, ModelScript> models(Node node) {
            Map<String, ModelScript> out = new LinkedHashMap<>();
            yaml.mapping(node, "models", Set.of()).ifPresent(models -> models.forEach((name, tuple) -> {
                references.add(new NameReference(ReferenceKind.MODEL, name, "", tuple.getKeyNode()));
                String where = "models." + name;
                yaml.mapping(tuple.getValueNode(), where, MODEL_KEYS).ifPresent(e -> {
                    Set<Integer> fail = e.containsKey("failOnAttempts")
                            ? yaml.counts(value(e, "failOnAttempts"), where + ".failOnAttempts") : Set.of();
                    RefreshFailure failure = e.containsKey("failure")
                            ? refreshFailure(value(e, "failure"), where) : RefreshFailure.DEFAULT;
                    Optional<BusyRefresh> busy = e.containsKey("busy")
                            ? busy(value(e, "busy"), where) : Optional.empty();
                    out.put(name, new ModelScript(optionalSeconds(e, "seconds", where), fail, failure, busy));
                });
            }));
            return out;
        }

        private RefreshFailure refreshFailure(Node node, String where) {
            Optional<Map<String, NodeTuple>> m = yaml.mapping(node, where + ".failure", REFRESH_FAILURE_KEYS);
            if (m.isEmpty()) {
                return RefreshFailure.DEFAULT;
            }
            Map<String, NodeTuple> e = m.get();
            Optional<String> engineCode = optionalText(e, "engineCode", where + ".failure.engineCode");
            engineCode.ifPresent(code -> {
                if (!code.matches("0x[0-9A-Fa-f]{8}")) {
                    yaml.error(value(e, "engineCode"), where + ".failure.engineCode must look like 0xC11C0020"
                            + " (0x and eight hex digits), not '" + code + "'");
                }
            });
            RefreshFailure d = RefreshFailure.DEFAULT;
            return new RefreshFailure(engineCode.orElse(d.engineCode()),
                    optionalText(e, "errorCode", where + ".failure.errorCode").orElse(d.errorCode()),
                    optionalText(e, "message", where + ".failure.message").orElse(d.message()));
        }

        private Optional<BusyRefresh> busy(Node node, String where) {
            Optional<Map<String, NodeTuple>> m = yaml.mapping(node, where + ".busy", BUSY_KEYS);
            if (m.isEmpty()) {
                return Optional.empty();
            }
            Map<String, NodeTuple> e = m.get();
            double startAfter = secondsOr(e, "startAfterSeconds", where + ".busy", 0);
            Optional<Node> secondsNode = required(e, "seconds", node, where + ".busy");
            OptionalDouble seconds = secondsNode.isPresent()
                    ? yaml.number(secondsNode.get(), where + ".busy.seconds", 0.001, MAX_SECONDS)
                    : OptionalDouble.empty();
            return seconds.isPresent() ? Optional.of(new BusyRefresh(startAfter, seconds.getAsDouble()))
                    : Optional.empty();
        }

        private List<ScheduledRun> schedule(Node node) {
            List<ScheduledRun> out = new ArrayList<>();
            yaml.sequence(node, "schedule").ifPresent(list -> {
                for (Node element : list) {
                    yaml.mapping(element, "a scheduled run", SCHEDULE_KEYS)
                            .flatMap(e -> scheduledRun(element, e)).ifPresent(out::add);
                }
            });
            return out;
        }

        private Optional<ScheduledRun> scheduledRun(Node element, Map<String, NodeTuple> e) {
            Optional<String> pipeline = required(e, "pipeline", element, "a scheduled run")
                    .flatMap(v -> yaml.text(v, "schedule pipeline"));
            pipeline.ifPresent(p -> references.add(new NameReference(ReferenceKind.PIPELINE, p, "",
                    value(e, "pipeline"))));
            double startAfter = secondsOr(e, "startAfterSeconds", "schedule", 0);
            ObjectNode parameters = JsonNodeFactory.instance.objectNode();
            if (e.containsKey("parameters")) {
                yaml.mapping(value(e, "parameters"), "schedule parameters", Set.of()).ifPresent(params ->
                        params.forEach((name, tuple) -> {
                            pipeline.ifPresent(p -> references.add(new NameReference(ReferenceKind.PARAMETER,
                                    name, p, tuple.getKeyNode())));
                            parameters.set(name, yaml.toJson(tuple.getValueNode()));
                        }));
            }
            return pipeline.map(p -> new ScheduledRun(p, startAfter, parameters));
        }

        private List<RouteFault> faults(Node node) {
            List<RouteFault> out = new ArrayList<>();
            yaml.sequence(node, "faults").ifPresent(list -> {
                for (Node element : list) {
                    yaml.mapping(element, "a fault", FAULT_KEYS).ifPresent(e -> fault(element, e).ifPresent(out::add));
                }
            });
            return out;
        }

        private Optional<RouteFault> fault(Node element, Map<String, NodeTuple> e) {
            Optional<String> route = required(e, "route", element, "a fault").flatMap(v -> yaml.text(v, "route"));
            route.ifPresent(r -> {
                if (!routeKeys.contains(r)) {
                    yaml.error(value(e, "route"), "unknown route '" + r + "'; write METHOD and path template"
                            + " exactly as the emulator lists them, e.g. 'GET /v1/workspaces'"
                            + closestRoute(r));
                }
            });
            Optional<FaultKind> kind = required(e, "kind", element, "a fault").flatMap(v -> yaml.text(v, "kind"))
                    .flatMap(k -> {
                        Optional<FaultKind> found = FaultKind.fromYaml(k);
                        if (found.isEmpty()) {
                            yaml.error(value(e, "kind"), "unknown fault kind '" + k
                                    + "'; use throttle, serverError, drop or slow");
                        }
                        return found;
                    });
            Set<Integer> requests = required(e, "requests", element, "a fault")
                    .map(v -> yaml.counts(v, "requests")).orElse(Set.of());
            double retryAfter = 30;
            int status = 503;
            long delay = 0;
            if (kind.isPresent()) {
                FaultKind k = kind.get();
                onlyFor(e, "retryAfterSeconds", k, FaultKind.THROTTLE);
                onlyFor(e, "status", k, FaultKind.SERVER_ERROR);
                onlyFor(e, "delayMillis", k, FaultKind.SLOW);
                if (k == FaultKind.THROTTLE && e.containsKey("retryAfterSeconds")) {
                    retryAfter = yaml.number(value(e, "retryAfterSeconds"), "retryAfterSeconds", 0, MAX_SECONDS)
                            .orElse(retryAfter);
                }
                if (k == FaultKind.SERVER_ERROR && e.containsKey("status")) {
                    status = yaml.integer(value(e, "status"), "status", 500, 599).orElse(status);
                }
                if (k == FaultKind.SLOW) {
                    delay = required(e, "delayMillis", element, "a slow fault")
                            .map(v -> yaml.integer(v, "delayMillis", 1, 600_000).orElse(0)).orElse(0);
                }
            }
            if (route.isEmpty() || kind.isEmpty() || requests.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RouteFault(route.get(), kind.get(), requests, retryAfter, status, delay));
        }

        private void onlyFor(Map<String, NodeTuple> e, String key, FaultKind kind, FaultKind owner) {
            if (e.containsKey(key) && kind != owner) {
                yaml.error(e.get(key).getKeyNode(), key + " applies to " + owner.yamlName() + " faults only, not "
                        + kind.yamlName() + "; remove it");
            }
        }

        private String closestRoute(String route) {
            String path = route.contains(" ") ? route.substring(route.indexOf(' ') + 1) : route;
            return routeKeys.stream().filter(k -> k.endsWith(" " + path)).sorted().findFirst()
                    .map(k -> " (did you mean '" + k + "'?)").orElse("");
        }

        private Optional<TokenExpiry> tokenExpiry(Node node) {
            Optional<Map<String, NodeTuple>> m = yaml.mapping(node, "tokenExpiry", TOKEN_KEYS);
            if (m.isEmpty()) {
                return Optional.empty();
            }
            Map<String, NodeTuple> e = m.get();
            OptionalInt requests = e.containsKey("afterRequests")
                    ? yaml.integer(value(e, "afterRequests"), "tokenExpiry.afterRequests", 1, Integer.MAX_VALUE)
                    : OptionalInt.empty();
            OptionalDouble seconds = e.containsKey("afterSeconds")
                    ? yaml.number(value(e, "afterSeconds"), "tokenExpiry.afterSeconds", 0.001, MAX_SECONDS)
                    : OptionalDouble.empty();
            if (!e.containsKey("afterRequests") && !e.containsKey("afterSeconds")) {
                yaml.error(node, "tokenExpiry needs afterRequests or afterSeconds (or both)");
                return Optional.empty();
            }
            if (requests.isEmpty() && seconds.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TokenExpiry(requests, seconds));
        }

        private Optional<Node> required(Map<String, NodeTuple> entries, String key, Node owner, String where) {
            if (!entries.containsKey(key)) {
                yaml.error(owner, where + " needs '" + key + "'");
                return Optional.empty();
            }
            return Optional.of(value(entries, key));
        }

        private Optional<String> optionalText(Map<String, NodeTuple> entries, String key, String where) {
            return entries.containsKey(key) ? yaml.text(value(entries, key), where) : Optional.empty();
        }

        private OptionalDouble optionalSeconds(Map<String, NodeTuple> entries, String key, String where) {
            return entries.containsKey(key) ? seconds(value(entries, key), where + "." + key) : OptionalDouble.empty();
        }

        private double secondsOr(Map<String, NodeTuple> entries, String key, String where, double fallback) {
            return optionalSeconds(entries, key, where).orElse(fallback);
        }

        private OptionalDouble seconds(Node node, String where) {
            return yaml.number(node, where, 0, MAX_SECONDS);
        }
    }

    private static Node value(Map<String, NodeTuple> entries, String key) {
        return entries.get(key).getValueNode();
    }
}
