package org.dbb.console.core.plan;

/**
 * Where a run's semantic refresh concurrency cap came from, in the order the planner looks: the launch, the master
 * pipeline's {@code refresh_concurrency} parameter as deployed to the environment, {@code dbb-console.yml}'s
 * {@code refresh.concurrency}, the refresh pipeline's own ForEach. Immutable.
 */
public enum CapSource {
    /** The operator's launch (or re-run) request named the cap. */
    LAUNCH_REQUEST("the launch"),
    /** The master pipeline's {@code refresh_concurrency} parameter, as fabric-cicd deploys it to the environment. */
    MASTER_PARAMETER("the master pipeline's refresh_concurrency parameter (parameter.yml / its default value)"),
    /** {@code refresh.concurrency} in {@code dbb-console.yml}. */
    CONSOLE_SETTINGS("refresh.concurrency in dbb-console.yml"),
    /** The refresh pipeline's ForEach: 1 when sequential, else its batchCount (Fabric's default when absent). */
    REFRESH_PIPELINE_LOOP("the refresh pipeline's ForEach (isSequential / batchCount)"),
    /** The refresh pipeline has no ForEach, so its models run one at a time. */
    NO_LOOP("one at a time: the refresh pipeline has no ForEach");

    private final String description;

    CapSource(String description) {
        this.description = description;
    }

    /** Where the cap came from, in an operator's words. */
    public String description() {
        return description;
    }
}
