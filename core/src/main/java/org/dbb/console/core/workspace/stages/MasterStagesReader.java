package org.dbb.console.core.workspace.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;

/**
 * Finds the master pipeline named in the workspace settings, reads it and cuts it into stages. Thread-safe;
 * blocking file I/O.
 */
public final class MasterStagesReader {

    private final PipelineReader pipelines;
    private final StageLayouts layouts;

    public MasterStagesReader(PipelineReader pipelines, StageLayouts layouts) {
        this.pipelines = pipelines;
        this.layouts = layouts;
    }

    /** The master pipeline's stages; problems instead of an exception when anything is wrong. */
    public MasterStages read(Workspace workspace) {
        String name = workspace.settings().masterPipeline();
        Path settingsFile = workspace.settings().file().orElse(workspace.root().resolve("dbb-console.yml"));
        Optional<Item> item = workspace.pipeline(name);
        if (item.isEmpty()) {
            return MasterStages.failed(List.of(Problem.error(settingsFile, 0, 0, "the master pipeline '" + name
                    + "' is not in " + workspace.settings().repositoryDirectory() + "; set masterPipeline in"
                    + " dbb-console.yml to one of: " + workspace.items().ofType("DataPipeline").stream()
                    .map(Item::displayName).sorted().collect(Collectors.joining(", ")))));
        }
        Path file = item.get().folder().resolve("pipeline-content.json");
        try {
            Pipeline master = pipelines.read(file, name);
            return new MasterStages(Optional.of(master),
                    layouts.layout(master, workspace.settings().stages(), settingsFile));
        } catch (InvalidInputException e) {
            return MasterStages.failed(e.problems());
        }
    }
}
