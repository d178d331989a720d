package org.dbb.console.core.plan;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.config.ConsoleSettings;

/**
 * The refresh pipeline as deployed, read when a step first needs it: a run whose refresh stage runs as a Fabric
 * job, or that has none, never reads it and never fails on it. One per build; not thread-safe.
 */
final class RefreshPipelineSource implements Supplier<Optional<DeployedPipeline>> {

    private final DeployedPipelines pipelines;
    private final Optional<Item> item;
    private final PlanContext context;
    private Optional<DeployedPipeline> read;

    RefreshPipelineSource(DeployedPipelines pipelines, Optional<Item> item, PlanContext context) {
        this.pipelines = pipelines;
        this.item = item;
        this.context = context;
    }

    @Override
    public Optional<DeployedPipeline> get() {
        if (read == null) {
            read = item.flatMap(pipelines::read);
            if (item.isEmpty()) {
                ConsoleSettings settings = context.repo().settings();
                Path file = settings.file().orElse(context.repo().root().resolve(ConsoleSettings.FILE_NAME));
                context.problems().add(Problem.error(file, 0, 0, "the refresh pipeline '"
                        + settings.refresh().pipeline() + "' is not in the repository; set refresh.pipeline in "
                        + ConsoleSettings.FILE_NAME + " to one of: " + PlanBuilder.pipelineNames(context.repo())));
            }
        }
        return read;
    }
}
