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
 */
public record ConsoleSettings(Optional<Path> file, Path repositoryDirectory, String masterPipeline,
                              RefreshSettings refresh, List<StageGroup> stages, MonitoringSettings monitoring,
                              NotificationSettings notifications, Map<String, EnvironmentSettings> environments) {

    public static final String FILE_NAME = "dbb-console.yml";
    public static final String DEFAULT_MASTER_PIPELINE = "orchestration_pipeline_DBB";

    public ConsoleSettings {
        stages = List.copyOf(stages);
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    public Optional<EnvironmentSettings> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    /** The monitoring store an environment uses. */
    public MonitoringSettings monitoringFor(EnvironmentSettings env) {
        return env.monitoring().orElse(monitoring);
    }

    /** The notification channel an environment uses. */
    public NotificationSettings notificationsFor(EnvironmentSettings env) {
        return env.notifications().orElse(notifications);
    }
}
