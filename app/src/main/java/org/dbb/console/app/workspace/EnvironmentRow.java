package org.dbb.console.app.workspace;

/**
 * One environment as the switcher shows it. Immutable.
 *
 * @param name         the environment name
 * @param description  where it runs, e.g. "sandbox (embedded emulator)" or "workspace DBB-PROD"
 * @param protectedEnv whether launching there needs typed confirmation
 */
public record EnvironmentRow(String name, String description, boolean protectedEnv) {

    @Override
    public String toString() {
        return name;
    }
}
