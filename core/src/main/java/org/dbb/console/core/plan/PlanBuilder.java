package org.dbb.console.core.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dbb.console.core.expr.ExpressionParser;
import org.dbb.console.core.monitoring.rules.MonitoredActivities;
import org.dbb.console.core.monitoring.rules.MonitoringRule;
import org.dbb.console.core.monitoring.rules.MonitoringRuleResolver;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.MonitoringRuleSetting;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.pipeline.PipelineVariable;
import org.dbb.console.core.workspace.stages.Stage;
import org.dbb.console.core.workspace.stages.StageLayout;
import org.dbb.console.core.workspace.stages.StageLayouts;

/**
 * Works out a {@link RunPlan} from a repository, what the console looked up about the environment, and the
 * operator's request: the master pipeline read as fabric-cicd would deploy it to that environment, cut into stages,
 * every activity turned into a step the engine can run. Pure: reads the repository's files, never the network.
 * Thread-safe; every build works on its own state.
 */
public final class PlanBuilder {

    private final ExpressionParser parser;
    private final StageLayouts layouts = new StageLayouts();

    public PlanBuilder() {
        this(new ExpressionParser());
    }

    public PlanBuilder(ExpressionParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * The plan for one run.
     *
     * @param repo      the opened workspace repository
     * @param catalog   the environment's workspace as looked up (see {@link EnvironmentCatalogs#fetch})
     * @param request   what the operator asked for; its environment must be the catalog's
     * @param timeScale real seconds per pipeline second: 1 for Fabric, the scenario's scale for the sandbox
     * @throws PlanException listing every problem found when anything cannot be run
     */
    public RunPlan build(Workspace repo, EnvironmentCatalog catalog, RunRequest request, double timeScale) {
        Scaling scaling = new Scaling(timeScale);
        PlanProblems problems = new PlanProblems();
        ConsoleSettings settings = repo.settings();
        Path settingsFile = settings.file().orElse(repo.root().resolve(ConsoleSettings.FILE_NAME));
        if (!request.environment().equals(catalog.environment())) {
            throw new PlanException(Problem.error(settingsFile, 0, 0, "the run is for environment "
                    + request.environment() + " but the workspace was looked up for " + catalog.environment()
                    + "; look up the workspace of " + request.environment() + " first"));
        }
        Item masterItem = repo.pipeline(settings.masterPipeline()).orElseThrow(() -> new PlanException(
                Problem.error(settingsFile, 0, 0, "the master pipeline '" + settings.masterPipeline()
                        + "' is not in " + settings.repositoryDirectory() + "; set masterPipeline in "
                        + ConsoleSettings.FILE_NAME + " to one of: " + pipelineNames(repo))));
        Optional<Item> refreshItem = repo.pipeline(settings.refresh().pipeline());
        List<Item> read = new ArrayList<>(List.of(masterItem));
        refreshItem.filter(i -> !i.equals(masterItem)).ifPresent(read::add);
        DeployedPipelines pipelines = new DeployedPipelines(repo, DeployedPipelines.contextOf(catalog),
                request.environment(), read, problems);

        Optional<DeployedPipeline> readMaster = pipelines.read(masterItem);
        if (readMaster.isEmpty()) {
            problems.throwIfAny();
        }
        DeployedPipeline master = readMaster.orElseThrow();
        PlanContext context = new PlanContext(repo, catalog, request, scaling, master, problems);
        Optional<ItemRef> masterRef = catalog.item("DataPipeline", masterItem.displayName()).map(catalog::refTo);
        if (masterRef.isEmpty()) {
            problems.add(Problem.error(masterItem.platformFile(), 0, 0, "the master pipeline '"
                    + masterItem.displayName() + "' is not deployed in " + catalog.workspaceLabel()
                    + "; deploy the repository to " + request.environment() + " before running"));
        }

        LaunchParameters launch = new LaunchParameters(master, request, settings.refresh(), problems);
        DynamicValues values = new DynamicValues(parser, master, problems);
        FixedValues fixed = new FixedValues(values, launch.values(), problems, master);
        RefreshPlanner refresh = new RefreshPlanner(context, new RefreshPipelineSource(pipelines, refreshItem, context),
                launch, values);
        StepPlanner steps = new StepPlanner(context, values, fixed, refresh);

        StageLayout layout = layouts.layout(master.pipeline(), settings.stages(), settingsFile);
        layout.problems().stream().map(master::onDiskPosition).forEach(problems::add);
        Map<String, PlannedStep> planned = steps.level(master.pipeline().activities(),
                Scope.top(master.pipeline().activities()));
        List<PlannedStage> stages = new ArrayList<>();
        for (Stage stage : layout.stages()) {
            List<PlannedStep> stageSteps = stage.activities().stream().map(a -> planned.get(a.name()))
                    .filter(Objects::nonNull).toList();
            if (stageSteps.isEmpty() && !stage.activities().isEmpty()) {
                problems.warn("stage '" + stage.name() + "' has nothing to run: all its activities are left out");
            }
            stages.add(new PlannedStage(stage.number(), stage.name(), stageSteps));
        }
        List<MonitoringRule> rules = monitoringRules(repo, layout, request.environment(), settingsFile, problems);
        problems.throwIfAny();
        return new RunPlan(request, request.environment(), catalog.workspaceId(), catalog.workspaceName(),
                masterRef.orElseThrow(), launch.values(), variables(master), stages, timeScale, problems.warnings(),
                launch.secure(), rules);
    }

    /** The environment's monitoring rules, every name they use checked against what the stages run. */
    private static List<MonitoringRule> monitoringRules(Workspace repo, StageLayout layout, String environment,
                                                        Path settingsFile, PlanProblems problems) {
        ConsoleSettings settings = repo.settings();
        Optional<EnvironmentSettings> env = settings.environment(environment);
        List<MonitoringRuleSetting> written = env.map(settings::monitoringRulesFor)
                .orElse(settings.monitoringRules());
        if (written.isEmpty()) {
            return List.of();
        }
        String where = env.flatMap(EnvironmentSettings::monitoringRules).isPresent()
                ? "environments." + environment + ".monitoring.rules" : "monitoring.rules";
        MonitoringRuleResolver.Resolution resolution = new MonitoringRuleResolver().resolve(written,
                MonitoredActivities.read(repo, layout, new PipelineReader()), where, settingsFile);
        problems.addAll(resolution.problems());
        return resolution.rules();
    }

    /**
     * The semantic refresh an environment runs by default: the plan of a plain launch (no models or cap named),
     * read for its refresh step. Uses exactly the rules of {@link #build}, so what the Models page offers is what a
     * launch would do.
     *
     * @param operator who asks, as a launch would record it
     * @return empty when the master pipeline has no semantic refresh step the console conducts
     * @throws PlanException listing every problem found when the environment's plan cannot be built
     */
    public Optional<RefreshDefaults> refreshDefaults(Workspace repo, EnvironmentCatalog catalog, String operator,
                                                     double timeScale) {
        RunPlan plan = build(repo, catalog, RunRequest.launch(catalog.environment(), operator), timeScale);
        for (PlannedStage stage : plan.stages()) {
            for (PlannedStep step : stage.steps()) {
                Optional<RefreshDefaults> found = refreshIn(step, step.name(), stage.name(), catalog);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The refresh step at or under {@code step}; a fan-out's inner steps are per item, so none is looked for. */
    private static Optional<RefreshDefaults> refreshIn(PlannedStep step, String path, String stage,
                                                       EnvironmentCatalog catalog) {
        if (step.action() instanceof StepAction.SemanticRefresh refresh) {
            return Optional.of(new RefreshDefaults(stage, path, refresh.models(), refresh.cap(),
                    refresh.capSource(), catalog.capacityId()));
        }
        if (step.action() instanceof StepAction.Condition condition) {
            List<PlannedStep> branches = new ArrayList<>(condition.ifTrue());
            branches.addAll(condition.ifFalse());
            for (PlannedStep inner : branches) {
                Optional<RefreshDefaults> found = refreshIn(inner, path + "/" + inner.name(), stage, catalog);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> variables(DeployedPipeline master) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PipelineVariable variable : master.pipeline().variables().values()) {
            out.put(variable.name(), variable.type());
        }
        return out;
    }

    static String pipelineNames(Workspace repo) {
        return repo.items().ofType("DataPipeline").stream().map(Item::displayName).sorted()
                .collect(Collectors.joining(", "));
    }
}
