package org.dbb.console.core.workspace.config.edit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.MonitoringSettings;
import org.dbb.console.core.workspace.config.NotificationSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * One editable setting of an environment in {@code dbb-console.yml}: where it sits under
 * {@code environments.<name>}, how its value is written, and its current value as text. Immutable.
 */
public enum EnvironmentField {
    WORKSPACE("workspace", Kind.TEXT, "Workspace (name or id)"),
    TENANT("tenant", Kind.TEXT, "Tenant"),
    AUTH("auth", Kind.TEXT, "Sign-in method"),
    CLIENT_ID("clientId", Kind.TEXT, "Client id"),
    CLIENT_SECRET("clientSecret", Kind.REFERENCE, "Client secret"),
    CERTIFICATE_PATH("certificatePath", Kind.TEXT, "Certificate path"),
    VARIABLE_GROUP_ORGANIZATION("variableGroup.organization", Kind.TEXT, "Azure DevOps organization"),
    VARIABLE_GROUP_PROJECT("variableGroup.project", Kind.TEXT, "Azure DevOps project"),
    VARIABLE_GROUP_ID("variableGroup.id", Kind.INTEGER, "Variable group id"),
    WEBHOOK("notifications.webhook", Kind.REFERENCE, "Notification webhook"),
    PROTECTED("protected", Kind.BOOLEAN, "Protected"),
    MONITORING_STORE("monitoring.store", Kind.TEXT, "Monitoring store"),
    MONITORING_SERVER("monitoring.server", Kind.TEXT, "Warehouse SQL endpoint"),
    MONITORING_DATABASE("monitoring.database", Kind.TEXT, "Warehouse name");

    /** How a value is written and read back. */
    public enum Kind {
        /** Text, quoted only where YAML would read it as something else. */
        TEXT,
        /** A secret: only a {@code $ENV:NAME} reference may be written, never the value. */
        REFERENCE,
        /** A whole number. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN
    }

    private final String path;
    private final Kind kind;
    private final String label;

    EnvironmentField(String path, Kind kind, String label) {
        this.path = path;
        this.kind = kind;
        this.label = label;
    }

    /** The setting's path below the environment, e.g. {@code variableGroup.id}. */
    public String path() {
        return path;
    }

    /** The keys from the environment down, e.g. {@code [variableGroup, id]}. */
    public List<String> keys() {
        return List.of(path.split("\\."));
    }

    /** The section this setting sits in ({@code variableGroup}, {@code monitoring}, {@code notifications}). */
    public Optional<String> section() {
        List<String> keys = keys();
        return keys.size() > 1 ? Optional.of(keys.get(0)) : Optional.empty();
    }

    public Kind kind() {
        return kind;
    }

    /** What a form calls it. */
    public String label() {
        return label;
    }

    /** Whether the value is a secret that is shown masked unless it is a reference. */
    public boolean secret() {
        return kind == Kind.REFERENCE;
    }

    /** The full path in the file, e.g. {@code environments.DEV.variableGroup.id}. */
    public String settingOf(String environment) {
        return "environments." + environment + "." + path;
    }

    /**
     * The value {@code env} has for this setting, as text the editor would write; empty when the environment does
     * not set it. A secret comes back as written (always a {@code $ENV:} reference in a valid file).
     */
    public Optional<String> current(EnvironmentSettings env) {
        return switch (this) {
            case WORKSPACE -> env.workspace().map(SettingValue::raw);
            case TENANT -> env.tenant().map(SettingValue::raw);
            case AUTH -> Optional.of(env.auth().spelling());
            case CLIENT_ID -> env.clientId().map(SettingValue::raw);
            case CLIENT_SECRET -> env.clientSecret().map(SettingValue::raw);
            case CERTIFICATE_PATH -> env.certificatePath().map(SettingValue::raw);
            case VARIABLE_GROUP_ORGANIZATION -> env.variableGroup().map(VariableGroupRef::organization);
            case VARIABLE_GROUP_PROJECT -> env.variableGroup().map(VariableGroupRef::project);
            case VARIABLE_GROUP_ID -> env.variableGroup().map(g -> Integer.toString(g.groupId()));
            case WEBHOOK -> env.notifications().flatMap(NotificationSettings::webhook).map(SettingValue::raw);
            case PROTECTED -> Optional.of(Boolean.toString(env.protectedEnv()));
            case MONITORING_STORE -> env.monitoring().map(m -> m.store().name().toLowerCase(Locale.ROOT));
            case MONITORING_SERVER -> env.monitoring().flatMap(MonitoringSettings::server);
            case MONITORING_DATABASE -> env.monitoring().flatMap(MonitoringSettings::database);
        };
    }

    /** A value as it may be shown or audited: a literal secret is masked, a reference is shown as written. */
    public String display(String value) {
        return secret() ? SettingValue.secret(value).display() : value;
    }
}
