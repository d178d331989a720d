package org.dbb.console.core.workspace.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.files.yaml.PositionedYaml;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * Reads and validates {@code dbb-console.yml}, reporting every problem with its line and column. A repository
 * without the file gets defaults: repository directory {@code fabric} (or the root), the standard master
 * pipeline name, and one sandbox environment. Thread-safe.
 */
public final class ConsoleSettingsReader {

    /** Environment names must survive YAML 1.1 and fabric-cicd unquoted; the same rule as the parameter editor. */
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false",
            "null");
    private static final int MAX_CONCURRENCY = 50;

    private static final Set<String> TOP_KEYS = ordered("version", "repositoryDirectory", "masterPipeline", "refresh",
            "stages", "monitoring", "notifications", "environments");
    private static final Set<String> REFRESH_KEYS = ordered("pipeline", "parameter", "defaultTargetMinutes",
            "targetMinutes", "concurrency");
    private static final Set<String> STAGE_KEYS = ordered("name", "activities");
    private static final Set<String> MONITORING_KEYS = ordered("store", "server", "database", "rules");
    private static final Set<String> STORE_KEYS = ordered("store", "server", "database");
    private static final Set<String> NOTIFICATION_KEYS = ordered("kind", "webhook");
    private static final Set<String> ENVIRONMENT_KEYS = ordered("emulator", "workspace", "tenant", "auth",
            "clientId", "clientSecret", "certificatePath", "variableGroup", "variables", "protected", "monitoring",
            "notifications");
    private static final Set<String> VARIABLE_GROUP_KEYS = ordered("organization", "project", "id");

    /**
     * Reads the settings of the repository rooted at {@code root}.
     *
     * @throws InvalidInputException with every problem found, when the file has errors
     */
    public ConsoleSettings read(Path root) {
        Path absRoot = root.toAbsolutePath().normalize();
        Path file = absRoot.resolve(ConsoleSettings.FILE_NAME);
        if (!Files.exists(file)) {
            return defaults(absRoot);
        }
        Result result = parse(file, TextFile.read(file).text());
        List<Problem> errors = result.problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty() || result.settings.isEmpty()) {
            throw new InvalidInputException(errors.isEmpty() ? result.problems : errors);
        }
        return result.settings.get();
    }

    /**
     * Reads settings from {@code text} as if it were the content of {@code file}, e.g. an edit before it is
     * written.
     *
     * @throws InvalidInputException with every problem found, when the text has errors
     */
    public ConsoleSettings readText(Path file, String text) {
        Result result = parse(file.toAbsolutePath().normalize(), text);
        List<Problem> errors = result.problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty() || result.settings.isEmpty()) {
            throw new InvalidInputException(errors.isEmpty() ? result.problems : errors);
        }
        return result.settings.get();
    }

    /**
     * Checks {@code text} as if it were the content of {@code file} and returns every problem (errors and
     * warnings) without throwing, e.g. for an edit before it is written.
     */
    public List<Problem> checkText(Path file, String text) {
        try {
            return parse(file.toAbsolutePath().normalize(), text).problems;
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    /** Checks the settings file and returns every problem (errors and warnings) without throwing. */
    public List<Problem> check(Path root) {
        Path file = root.toAbsolutePath().normalize().resolve(ConsoleSettings.FILE_NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(file, TextFile.read(file).text()).problems;
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    /** The settings used when a repository has no {@code dbb-console.yml}. */
    public static ConsoleSettings defaults(Path root) {
        Path fabric = root.resolve("fabric");
        Path repo = Files.isDirectory(fabric) ? fabric : root;
        Map<String, EnvironmentSettings> envs = new LinkedHashMap<>();
        envs.put("sandbox", EnvironmentSettings.sandbox());
        return new ConsoleSettings(Optional.empty(), repo, ConsoleSettings.DEFAULT_MASTER_PIPELINE,
                RefreshSettings.DEFAULTS, List.of(), MonitoringSettings.EMBEDDED, NotificationSettings.NONE, envs);
    }

    Result parse(Path file, String text) {
        // Environment names must be unique ignoring case, as they must also be in parameter.yml.
        PositionedYaml yaml = new PositionedYaml(file, PositionedYaml.KeyMatch.IGNORE_CASE);
        Optional<Node> root = yaml.compose(text);
        if (root.isEmpty()) {
            if (yaml.problems().isEmpty()) {
                yaml.problems().add(Problem.error(file, 1, 1,
                        "the settings file is empty; add at least an 'environments' mapping"));
            }
            return new Result(Optional.empty(), yaml.problems());
        }
        Optional<Map<String, NodeTuple>> top = yaml.mapping(root.get(), "the settings file", TOP_KEYS);
        if (top.isEmpty()) {
            return new Result(Optional.empty(), yaml.problems());
        }
        Map<String, NodeTuple> t = top.get();
        Path base = file.getParent();

        if (t.containsKey("version")) {
            yaml.integer(t.get("version").getValueNode(), "version", 1, 1);
        }
        Path repo = ConsoleSettingsReader.defaults(base).repositoryDirectory();
        if (t.containsKey("repositoryDirectory")) {
            Optional<String> dir = yaml.text(t.get("repositoryDirectory").getValueNode(), "repositoryDirectory");
            if (dir.isPresent()) {
                Path resolved = base.resolve(dir.get()).normalize();
                if (!resolved.startsWith(base)) {
                    yaml.error(t.get("repositoryDirectory").getValueNode(),
                            "repositoryDirectory must stay inside the repository; use a relative path such as 'fabric'");
                } else if (!Files.isDirectory(resolved)) {
                    yaml.error(t.get("repositoryDirectory").getValueNode(), "repositoryDirectory '" + dir.get()
                            + "' does not exist; create it or point it at the folder holding the item folders");
                }
                repo = resolved;
            }
        }
        String master = t.containsKey("masterPipeline")
                ? yaml.text(t.get("masterPipeline").getValueNode(), "masterPipeline")
                        .orElse(ConsoleSettings.DEFAULT_MASTER_PIPELINE)
                : ConsoleSettings.DEFAULT_MASTER_PIPELINE;
        RefreshSettings refresh = t.containsKey("refresh")
                ? refresh(yaml, t.get("refresh").getValueNode())
                : RefreshSettings.DEFAULTS;
        List<StageGroup> stages = t.containsKey("stages") ? stages(yaml, t.get("stages")) : List.of();
        MonitoringSection section = t.containsKey("monitoring")
                ? monitoring(yaml, t.get("monitoring").getValueNode(), "monitoring") : MonitoringSection.NONE;
        MonitoringSettings monitoring = section.store().orElse(MonitoringSettings.EMBEDDED);
        NotificationSettings notifications = t.containsKey("notifications")
                ? notifications(yaml, t.get("notifications").getValueNode(), "notifications")
                        .orElse(NotificationSettings.NONE)
                : NotificationSettings.NONE;
        Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
        if (!t.containsKey("environments")) {
            yaml.error(root.get(), "the settings file has no 'environments' mapping; add at least one environment"
                    + " (for example 'sandbox: {emulator: true}')");
        } else {
            environments = environments(yaml, t.get("environments").getValueNode());
        }
        ConsoleSettings settings = new ConsoleSettings(Optional.of(file), repo, master, refresh, stages, monitoring,
                notifications, environments, section.rules().orElse(List.of()));
        return new Result(Optional.of(settings), yaml.problems());
    }

    private static RefreshSettings refresh(PositionedYaml yaml, Node node) {
        Optional<Map<String, NodeTuple>> m = yaml.mapping(node, "refresh", REFRESH_KEYS);
        if (m.isEmpty()) {
            return RefreshSettings.DEFAULTS;
        }
        Map<String, NodeTuple> r = m.get();
        String pipeline = r.containsKey("pipeline")
                ? yaml.text(r.get("pipeline").getValueNode(), "refresh.pipeline")
                        .orElse(RefreshSettings.DEFAULT_PIPELINE)
                : RefreshSettings.DEFAULT_PIPELINE;
        String parameter = r.containsKey("parameter")
                ? yaml.text(r.get("parameter").getValueNode(), "refresh.parameter")
                        .orElse(RefreshSettings.DEFAULT_PARAMETER)
                : RefreshSettings.DEFAULT_PARAMETER;
        int defaultTarget = r.containsKey("defaultTargetMinutes")
                ? yaml.integer(r.get("defaultTargetMinutes").getValueNode(), "refresh.defaultTargetMinutes", 1, 1440)
                        .orElse(RefreshSettings.DEFAULT_TARGET_MINUTES)
                : RefreshSettings.DEFAULT_TARGET_MINUTES;
        Map<String, Integer> targets = new HashMap<>();
        if (r.containsKey("targetMinutes")) {
            yaml.mapping(r.get("targetMinutes").getValueNode(), "refresh.targetMinutes", Set.of())
                    .ifPresent(models -> models.forEach((model, tuple) -> yaml
                            .integer(tuple.getValueNode(), "refresh.targetMinutes." + model, 1, 1440)
                            .ifPresent(v -> targets.put(model, v))));
        }
        OptionalInt concurrency = OptionalInt.empty();
        if (r.containsKey("concurrency")) {
            concurrency = yaml.integer(r.get("concurrency").getValueNode(), "refresh.concurrency", 1,
                    MAX_CONCURRENCY);
        }
        return new RefreshSettings(pipeline, parameter, defaultTarget, targets, concurrency);
    }

    private static List<StageGroup> stages(PositionedYaml yaml, NodeTuple tuple) {
        List<StageGroup> stages = new ArrayList<>();
        Map<String, String> activityStage = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (Node item : yaml.sequence(tuple.getValueNode(), "stages").orElse(List.of())) {
            Optional<Map<String, NodeTuple>> m = yaml.mapping(item, "a stage", STAGE_KEYS);
            if (m.isEmpty()) {
                continue;
            }
            if (!m.get().containsKey("name") || !m.get().containsKey("activities")) {
                yaml.error(item, "a stage needs both 'name' and 'activities'");
                continue;
            }
            Optional<String> name = yaml.text(m.get().get("name").getValueNode(), "stage name");
            if (name.isEmpty()) {
                continue;
            }
            if (!names.add(name.get())) {
                yaml.error(m.get().get("name").getValueNode(), "stage '" + name.get()
                        + "' is defined twice; give each stage its own name");
                continue;
            }
            List<String> activities = new ArrayList<>();
            for (Node a : yaml.sequence(m.get().get("activities").getValueNode(),
                    "stages." + name.get() + ".activities").orElse(List.of())) {
                if (!(a instanceof ScalarNode s) || !PositionedYaml.isText(s) || s.getValue().isBlank()) {
                    yaml.error(a, "stage '" + name.get() + "' lists something that is not an activity name");
                    continue;
                }
                String previous = activityStage.putIfAbsent(s.getValue(), name.get());
                if (previous != null) {
                    yaml.error(a, "activity '" + s.getValue() + "' is already in stage '" + previous
                            + "'; an activity belongs to one stage only");
                    continue;
                }
                activities.add(s.getValue());
            }
            if (activities.isEmpty()) {
                yaml.error(item, "stage '" + name.get() + "' has no activities; list at least one top-level activity");
                continue;
            }
            stages.add(new StageGroup(name.get(), activities, PositionedYaml.line(item), PositionedYaml.column(item)));
        }
        return stages;
    }

    /**
     * A {@code monitoring} section: the store when it names one (an environment's section without store keys keeps
     * the shared store) and the rules when it lists them.
     */
    private record MonitoringSection(Optional<MonitoringSettings> store,
                                     Optional<List<MonitoringRuleSetting>> rules) {
        static final MonitoringSection NONE = new MonitoringSection(Optional.empty(), Optional.empty());
    }

    private static MonitoringSection monitoring(PositionedYaml yaml, Node node, String where) {
        Optional<Map<String, NodeTuple>> m = yaml.mapping(node, where, MONITORING_KEYS);
        if (m.isEmpty()) {
            return MonitoringSection.NONE;
        }
        Optional<List<MonitoringRuleSetting>> rules = m.get().containsKey("rules")
                ? Optional.of(new MonitoringRulesReader(yaml).rules(m.get().get("rules").getValueNode(),
                        where + ".rules"))
                : Optional.empty();
        boolean namesStore = m.get().keySet().stream().anyMatch(STORE_KEYS::contains);
        return new MonitoringSection(namesStore || rules.isEmpty() ? store(yaml, node, m.get(), where)
                : Optional.empty(), rules);
    }

    private static Optional<MonitoringSettings> store(PositionedYaml yaml, Node node, Map<String, NodeTuple> entries,
                                                      String where) {
        Optional<Map<String, NodeTuple>> m = Optional.of(entries);
        MonitoringSettings.Store store = MonitoringSettings.Store.EMBEDDED;
        if (m.get().containsKey("store")) {
            Optional<String> s = yaml.text(m.get().get("store").getValueNode(), where + ".store");
            if (s.isPresent()) {
                switch (s.get()) {
                    case "embedded" -> store = MonitoringSettings.Store.EMBEDDED;
                    case "warehouse" -> store = MonitoringSettings.Store.WAREHOUSE;
                    default -> yaml.error(m.get().get("store").getValueNode(), where + ".store must be 'embedded'"
                            + " or 'warehouse', not '" + s.get() + "'");
                }
            }
        }
        Optional<String> server = m.get().containsKey("server")
                ? yaml.text(m.get().get("server").getValueNode(), where + ".server") : Optional.empty();
        Optional<String> database = m.get().containsKey("database")
                ? yaml.text(m.get().get("database").getValueNode(), where + ".database") : Optional.empty();
        if (store == MonitoringSettings.Store.WAREHOUSE && (server.isEmpty() || database.isEmpty())) {
            yaml.error(node, where + " uses the warehouse store but lacks 'server' or 'database'; give the"
                    + " warehouse SQL endpoint host and the warehouse name");
        }
        return Optional.of(new MonitoringSettings(store, server, database));
    }

    private static Optional<NotificationSettings> notifications(PositionedYaml yaml, Node node, String where) {
        Optional<Map<String, NodeTuple>> m = yaml.mapping(node, where, NOTIFICATION_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        NotificationSettings.Kind kind = NotificationSettings.Kind.TEAMS;
        if (m.get().containsKey("kind")) {
            Optional<String> k = yaml.text(m.get().get("kind").getValueNode(), where + ".kind");
            if (k.isPresent()) {
                switch (k.get()) {
                    case "teams" -> kind = NotificationSettings.Kind.TEAMS;
                    case "webhook" -> kind = NotificationSettings.Kind.WEBHOOK;
                    default -> yaml.error(m.get().get("kind").getValueNode(), where + ".kind must be 'teams' or"
                            + " 'webhook', not '" + k.get() + "'");
                }
            }
        }
        Optional<SettingValue> webhook = Optional.empty();
        if (m.get().containsKey("webhook")) {
            webhook = secret(yaml, m.get().get("webhook"), where + ".webhook");
        }
        return Optional.of(new NotificationSettings(kind, webhook));
    }

    private static Optional<SettingValue> secret(PositionedYaml yaml, NodeTuple tuple, String where) {
        Optional<String> text = yaml.text(tuple.getValueNode(), where);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        SettingValue value = SettingValue.secret(text.get());
        if (value.isMalformedReference()) {
            yaml.error(tuple.getValueNode(), where + " is not a valid $ENV:NAME reference");
        } else if (value.environmentReference().isEmpty()) {
            yaml.error(tuple.getValueNode(), where + " holds a secret in plain text; the file is committed to Git,"
                    + " so write $ENV:NAME and keep the value in the variable group or an environment variable");
        }
        return Optional.of(value);
    }

    private static Optional<SettingValue> plain(PositionedYaml yaml, Map<String, NodeTuple> m, String key,
            String where) {
        if (!m.containsKey(key)) {
            return Optional.empty();
        }
        Optional<SettingValue> value = yaml.text(m.get(key).getValueNode(), where).map(SettingValue::plain);
        if (value.isPresent() && value.get().isMalformedReference()) {
            yaml.error(m.get(key).getValueNode(), where + " is not a valid $ENV:NAME reference");
        }
        return value;
    }

    private static Map<String, EnvironmentSettings> environments(PositionedYaml yaml, Node node) {
        Map<String, EnvironmentSettings> out = new LinkedHashMap<>();
        Optional<Map<String, NodeTuple>> envs = yaml.mapping(node, "environments", Set.of());
        if (envs.isEmpty()) {
            return out;
        }
        if (((MappingNode) node).getValue().isEmpty()) {
            yaml.error(node, "environments is empty; add at least one environment");
        }
        envs.get().forEach((name, tuple) -> {
            Node keyNode = tuple.getKeyNode();
            if (!ENVIRONMENT_NAME.matcher(name).matches() || YAML_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                yaml.error(keyNode, "environment name '" + name + "' cannot be used: names start with a letter or"
                        + " '_', hold only letters, digits, '_' or '-', and are not YAML words such as yes/no/on/off");
                return;
            }
            environment(yaml, name, tuple.getValueNode()).ifPresent(env -> out.put(name, env));
        });
        return out;
    }

    private static Optional<EnvironmentSettings> environment(PositionedYaml yaml, String name, Node node) {
        String where = "environments." + name;
        Optional<Map<String, NodeTuple>> mo = node instanceof ScalarNode s && s.getValue().isEmpty()
                ? Optional.of(Map.of())
                : yaml.mapping(node, where, ENVIRONMENT_KEYS);
        if (mo.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> m = mo.get();
        boolean emulator = m.containsKey("emulator")
                && yaml.bool(m.get("emulator").getValueNode(), where + ".emulator").orElse(false);
        Optional<SettingValue> workspace = plain(yaml, m, "workspace", where + ".workspace");
        Optional<SettingValue> tenant = plain(yaml, m, "tenant", where + ".tenant");
        AuthMethod auth = emulator ? AuthMethod.DEFAULT : AuthMethod.INTERACTIVE;
        if (m.containsKey("auth")) {
            Optional<String> a = yaml.text(m.get("auth").getValueNode(), where + ".auth");
            if (a.isPresent()) {
                Optional<AuthMethod> parsed = AuthMethod.parse(a.get());
                if (parsed.isEmpty()) {
                    yaml.error(m.get("auth").getValueNode(), where + ".auth must be one of " + AuthMethod.choices()
                            + ", not '" + a.get() + "'");
                } else {
                    auth = parsed.get();
                }
            }
        }
        Optional<SettingValue> clientId = plain(yaml, m, "clientId", where + ".clientId");
        Optional<SettingValue> clientSecret = m.containsKey("clientSecret")
                ? secret(yaml, m.get("clientSecret"), where + ".clientSecret") : Optional.empty();
        Optional<SettingValue> certificate = plain(yaml, m, "certificatePath", where + ".certificatePath");
        Optional<VariableGroupRef> group = m.containsKey("variableGroup")
                ? variableGroup(yaml, m.get("variableGroup").getValueNode(), where + ".variableGroup")
                : Optional.empty();
        Map<String, String> variables = new LinkedHashMap<>();
        if (m.containsKey("variables")) {
            yaml.mapping(m.get("variables").getValueNode(), where + ".variables", Set.of())
                    .ifPresent(vars -> vars.forEach((k, v) -> {
                        Node value = v.getValueNode();
                        if (value instanceof ScalarNode s && !(value.getTag() == org.yaml.snakeyaml.nodes.Tag.NULL)) {
                            variables.put(k, s.getValue());
                        } else {
                            yaml.error(value, where + ".variables." + k + " must be a single value");
                        }
                    }));
        }
        boolean protectedEnv = m.containsKey("protected")
                && yaml.bool(m.get("protected").getValueNode(), where + ".protected").orElse(false);
        MonitoringSection monitoring = m.containsKey("monitoring")
                ? monitoring(yaml, m.get("monitoring").getValueNode(), where + ".monitoring")
                : MonitoringSection.NONE;
        Optional<NotificationSettings> notifications = m.containsKey("notifications")
                ? notifications(yaml, m.get("notifications").getValueNode(), where + ".notifications")
                : Optional.empty();

        if (!emulator && workspace.isEmpty()) {
            yaml.error(node, where + " has no 'workspace'; give the Fabric workspace name or id"
                    + " (or 'emulator: true' for a sandbox)");
        }
        if (auth == AuthMethod.SERVICE_PRINCIPAL) {
            if (clientId.isEmpty() || tenant.isEmpty()) {
                yaml.error(node, where + " signs in as a service principal but lacks 'clientId' or 'tenant'");
            }
            if (clientSecret.isEmpty() && certificate.isEmpty()) {
                yaml.error(node, where + " signs in as a service principal but has neither 'clientSecret'"
                        + " ($ENV:NAME) nor 'certificatePath'");
            }
        }
        return Optional.of(new EnvironmentSettings(name, emulator, workspace, tenant, auth, clientId, clientSecret,
                certificate, group, variables, protectedEnv, monitoring.store(), notifications, monitoring.rules()));
    }

    private static Optional<VariableGroupRef> variableGroup(PositionedYaml yaml, Node node, String where) {
        Optional<Map<String, NodeTuple>> m = yaml.mapping(node, where, VARIABLE_GROUP_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode) || !m.get().keySet().containsAll(VARIABLE_GROUP_KEYS)) {
            yaml.error(node, where + " needs 'organization', 'project' and 'id'");
            return Optional.empty();
        }
        Optional<String> org = yaml.text(m.get().get("organization").getValueNode(), where + ".organization");
        Optional<String> project = yaml.text(m.get().get("project").getValueNode(), where + ".project");
        OptionalInt id = yaml.integer(m.get().get("id").getValueNode(), where + ".id", 1, Integer.MAX_VALUE);
        if (org.isEmpty() || project.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VariableGroupRef(org.get(), project.get(), id.getAsInt()));
    }

    private static Set<String> ordered(String... keys) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    /** The outcome of one parse: settings when the structure was readable, and every problem found. */
    record Result(Optional<ConsoleSettings> settings, List<Problem> problems) {
    }
}
