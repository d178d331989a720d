package org.dbb.console.core.workspace.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's own settings for a workspace repository ({@code dbb-console.yml}); never part of
 * {@code parameter.yml}, which fabric-cicd would reject. Immutable.
 *
 * @param file                the settings file, or empty when defaults are used
 * @param repositoryDirectory the fabric-cicd repository directory (absolute)
 * @param masterPipeline      the display name of the master pipeline
 * @param refresh             refresh stage settings
 * @param stages              optional grouping of top-level activities into stages (empty: one stage each)
 * @param monitoring          the default monitoring store
 * @param notifications       the default notification channel
 * @param environments        environments by name, in file order
 * @param monitoringRules     the monitoring rules every run is checked against ({@code monitoring.rules}), unless
 *                            its environment has rules of its own
 */
public record ConsoleSettings(Optional<Path> file, Path repositoryDirectory, String masterPipeline,
                              RefreshSettings refresh, List<StageGroup> stages, MonitoringSettings monitoring,
                              NotificationSettings notifications, Map<String, EnvironmentSettings> environments,
                              List<MonitoringRuleSetting> monitoringRules) {

    public static final String FILE_NAME = "dbb-console.yml";
    public static final String DEFAULT_MASTER_PIPELINE = "orchestration_pipeline_DBB";

    public ConsoleSettings {
        stages = List.copyOf(stages);
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        monitoringRules = List.copyOf(monitoringRules);
    }

    /** Settings without monitoring rules. */
    public ConsoleSettings(Optional<Path> file, Path repositoryDirectory, String masterPipeline,
                           RefreshSettings refresh, List<StageGroup> stages, MonitoringSettings monitoring,
                           NotificationSettings notifications, Map<String, EnvironmentSettings> environments) {
        this(file, repositoryDirectory, masterPipeline, refresh, stages, monitoring, notifications, environments,
                List.of());
    }

    public Optional<EnvironmentSettings> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    /** The monitoring store an environment uses. */
    public MonitoringSettings monitoringFor(EnvironmentSettings env) {
        return env.monitoring().orElse(monitoring);
    }

    /** The monitoring rules an environment's runs are checked against: its own list, else the shared one. */
    public List<MonitoringRuleSetting> monitoringRulesFor(EnvironmentSettings env) {
        return env.monitoringRules().orElse(monitoringRules);
    }

    /**
     * These settings with the stage groups and monitoring rules placed nowhere: what an edit elsewhere in the file
     * must leave unchanged, although it may move them to other lines.
     */
    public ConsoleSettings withoutPositions() {
        Map<String, EnvironmentSettings> envs = new LinkedHashMap<>();
        environments.forEach((name, env) -> envs.put(name, env.withoutPositions()));
        return new ConsoleSettings(file, repositoryDirectory, masterPipeline, refresh,
                stages.stream().map(s -> new StageGroup(s.name(), s.activities(), 0, 0)).toList(), monitoring,
                notifications, envs, monitoringRules.stream().map(MonitoringRuleSetting::withoutPosition).toList());
    }

    /** The notification channel an environment uses. */
    public NotificationSettings notificationsFor(EnvironmentSettings env) {
        return env.notifications().orElse(notifications);
    }
}
