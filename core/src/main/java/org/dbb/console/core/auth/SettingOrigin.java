package org.dbb.console.core.auth;

/** Where a resolved setting's value came from, for diagnostics. Immutable. */
public enum SettingOrigin {
    /** Written literally in {@code dbb-console.yml}. */
    LITERAL,
    /** A {@code $ENV:NAME} reference found in the environment's variables (variable group or inline). */
    VARIABLES,
    /** A {@code $ENV:NAME} reference found in the console's OS environment. */
    OS_ENVIRONMENT
}
