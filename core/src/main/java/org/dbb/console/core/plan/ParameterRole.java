package org.dbb.console.core.plan;

/**
 * What a master pipeline parameter means to a launch: most are plain values, a few are what a launch option sets
 * (the environment name, the maintenance flag, the models to refresh, the refresh concurrency). Immutable.
 */
public enum ParameterRole {
    /** A value the operator may set; the pipeline's default otherwise. */
    PLAIN,
    /** Takes the environment's name unless the launch sets it. */
    ENVIRONMENT,
    /** Set to true by the launch's maintenance option. */
    MAINTENANCE_FLAG,
    /** Narrowed to the launch's models when the operator picks some. */
    MODELS,
    /** Set to the launch's refresh concurrency cap when the operator gives one. */
    REFRESH_CONCURRENCY
}
