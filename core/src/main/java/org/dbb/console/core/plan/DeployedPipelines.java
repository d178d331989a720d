package org.dbb.console.core.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.json.JsonDocument;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.resolve.FileChange;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;
import org.dbb.console.core.workspace.params.resolve.ResolutionResult;
import org.dbb.console.core.workspace.params.resolve.ResolverOptions;
import org.dbb.console.core.workspace.params.resolve.UnresolvedPolicy;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;

/**
 * Reads pipelines of a repository as fabric-cicd would deploy them to one environment: {@code parameter.yml}
 * applied for that environment, {@code $items}/{@code $workspace} variables resolved from what was looked up (or
 * kept as placeholders when nothing was). One per plan; not thread-safe.
 */
final class DeployedPipelines {

    private static final String CONTENT = "pipeline-content.json";

    private final Workspace repo;
    private final ReplacementContext context;
    private final String environment;
    private final PlanProblems problems;
    private final List<Item> parameterised;
    private final PipelineReader reader = new PipelineReader();
    private Optional<ResolutionResult> resolution;

    /** @param parameterised the pipelines the plan reads; {@code parameter.yml} is applied to these only */
    DeployedPipelines(Workspace repo, ReplacementContext context, String environment, List<Item> parameterised,
                      PlanProblems problems) {
        this.parameterised = List.copyOf(parameterised);
        this.repo = repo;
        this.context = context;
        this.environment = environment;
        this.problems = problems;
    }

    /** The pipeline of {@code item} as deployed; empty (with the problems recorded) when it cannot be read. */
    Optional<DeployedPipeline> read(Item item) {
        Path file = item.folder().resolve(CONTENT);
        JsonDocument onDisk;
        try {
            onDisk = JsonDocument.parse(TextFile.read(file));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
        String deployedText = resolve().flatMap(r -> r.change(file)).map(FileChange::after)
                .map(DeployedPipelines::withoutByteOrderMark).orElse(onDisk.text());
        try {
            JsonDocument deployed = deployedText.equals(onDisk.text()) ? onDisk
                    : JsonDocument.parse(file, deployedText);
            Pipeline pipeline = reader.read(deployed, item.displayName());
            return Optional.of(new DeployedPipeline(pipeline, onDisk));
        } catch (InvalidInputException e) {
            e.problems().stream().map(p -> DeployedPipeline.onDiskPosition(onDisk, p)).forEach(problems::add);
            return Optional.empty();
        }
    }

    /**
     * Applies {@code parameter.yml} once, to the pipelines the plan reads only: problems of files the run never
     * touches (a notebook's lakehouse binding, say) are the deployment's business, not the run's.
     */
    private Optional<ResolutionResult> resolve() {
        if (resolution != null) {
            return resolution;
        }
        resolution = Optional.empty();
        Path parameterFile = repo.parameterFile();
        // fabric-cicd deploys the files unchanged when the repository has no parameter file.
        if (!Files.isRegularFile(parameterFile)) {
            return resolution;
        }
        ParameterValidation validation = new ParameterFileValidator().validate(parameterFile,
                Optional.of(environment), Optional.of(repo.items()));
        if (!validation.valid()) {
            problems.addAll(validation.errors());
            return resolution;
        }
        ItemScan scope = new ItemScan(repo.items().root(), parameterised, List.of());
        // Unknown variables stay visible instead of failing: a SQL endpoint the Fabric item list does not carry
        // only matters to a Lookup's linked service, which the console answers from the API anyway.
        ResolutionResult result = new ParameterResolver().apply(validation.file().orElseThrow(), scope, environment,
                context, ResolverOptions.defaults().withUnresolvedPolicy(UnresolvedPolicy.KEEP_PLACEHOLDER));
        problems.addAll(result.errors());
        resolution = Optional.of(result);
        return resolution;
    }

    /** The ids {@code $items}/{@code $workspace} variables resolve to in the looked-up workspace. */
    static ReplacementContext contextOf(EnvironmentCatalog catalog) {
        ReplacementContext.Builder context = ReplacementContext.builder()
                .workspace(catalog.workspaceId(), catalog.workspaceName());
        catalog.items().forEach(i -> context.deployed(i.type(), i.displayName(), i.id()));
        return context.build();
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
