package org.dbb.console.core.workspace.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dbb.console.core.monitoring.rules.MonitoredActivities;
import org.dbb.console.core.monitoring.rules.MonitoringRuleResolver;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.variables.EnvironmentReferenceCheck;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.EnvironmentValues;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStages;
import org.dbb.console.core.workspace.stages.MasterStagesReader;

/**
 * Checks a whole workspace repository: {@code dbb-console.yml}, every {@code .platform}, every pipeline, the
 * stage grouping, same-workspace references, the refresh pipeline, {@code parameter.yml} (with fabric-cicd's
 * verdict), that the environments of the two files agree, and that {@code $ENV:NAME} references can be
 * supplied. Thread-safe; blocking file I/O.
 */
public final class WorkspaceValidator {

    private final ConsoleSettingsReader settingsReader;
    private final ItemDiscovery discovery;
    private final PipelineReader pipelines;
    private final MasterStagesReader masterStages;
    private final ParameterFileValidator parameters;
    private final EnvironmentReferenceCheck environmentReferences;
    private final ReferenceCheck references = new ReferenceCheck();

    /**
     * @param environmentReferences warns about {@code $ENV:NAME} references that neither inline variables nor the
     *                              OS environment supply (variable groups are not read: validation stays offline)
     */
    public WorkspaceValidator(ConsoleSettingsReader settingsReader, ItemDiscovery discovery, PipelineReader pipelines,
                              MasterStagesReader masterStages, ParameterFileValidator parameters,
                              EnvironmentReferenceCheck environmentReferences) {
        this.environmentReferences = environmentReferences;
        this.settingsReader = settingsReader;
        this.discovery = discovery;
        this.pipelines = pipelines;
        this.masterStages = masterStages;
        this.parameters = parameters;
    }

    /**
     * Validates the repository at {@code root}; with an environment, fabric-cicd's environment-specific rules
     * apply too.
     *
     * @throws InvalidInputException when {@code root} is not a folder
     */
    public WorkspaceReport validate(Path root, Optional<String> environment) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new InvalidInputException(Problem.error(abs, 0, 0,
                    "the workspace folder does not exist; pass the folder that holds dbb-console.yml and fabric/"));
        }
        List<Problem> problems = new ArrayList<>(settingsReader.check(abs));
        ConsoleSettings settings = readOrDefaults(abs);
        problems.addAll(environmentReferences.check(settings, environment));
        if (!Files.isDirectory(settings.repositoryDirectory())) {
            return new WorkspaceReport(abs, problems);
        }
        ItemScan items = discovery.scan(settings.repositoryDirectory());
        problems.addAll(items.problems());

        List<Pipeline> read = new ArrayList<>();
        for (Item item : items.ofType("DataPipeline")) {
            Path file = item.folder().resolve("pipeline-content.json");
            if (!Files.isRegularFile(file)) {
                problems.add(Problem.error(item.platformFile(), 0, 0, item.label()
                        + " has no pipeline-content.json; export the pipeline again from Fabric"));
                continue;
            }
            try {
                read.add(pipelines.read(file, item.displayName()));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        for (Pipeline pipeline : read) {
            problems.addAll(references.check(pipeline, items));
        }

        Workspace workspace = new Workspace(abs, settings, items);
        MasterStages master = masterStages.read(workspace);
        problems.addAll(master.layout().problems().stream()
                .filter(p -> read.stream().noneMatch(r -> r.file().equals(p.file())))
                .toList());
        problems.addAll(refreshPipelineProblems(settings, read));
        if (master.master().isPresent()) {
            problems.addAll(monitoringRuleProblems(workspace, master));
        }

        Path parameterFile = workspace.parameterFile();
        if (Files.isRegularFile(parameterFile)) {
            ParameterValidation validation = parameters.validate(parameterFile, environment, Optional.of(items));
            problems.addAll(validation.problems());
            validation.file().ifPresent(file -> problems.addAll(environmentProblems(settings, file, parameterFile)));
        } else {
            problems.add(Problem.warning(settings.file().orElse(abs), 0, 0, "there is no parameter.yml in "
                    + settings.repositoryDirectory() + "; fabric-cicd would deploy every item unchanged to every"
                    + " environment"));
        }
        return new WorkspaceReport(abs, problems);
    }

    /** The names the monitoring rules use, shared and per environment, against what the stages run. */
    private List<Problem> monitoringRuleProblems(Workspace workspace, MasterStages master) {
        ConsoleSettings settings = workspace.settings();
        Path file = settings.file().orElse(workspace.root().resolve(ConsoleSettings.FILE_NAME));
        MonitoredActivities activities = MonitoredActivities.read(workspace, master.layout(), pipelines);
        MonitoringRuleResolver resolver = new MonitoringRuleResolver();
        List<Problem> problems = new ArrayList<>(resolver.resolve(settings.monitoringRules(), activities,
                "monitoring.rules", file).problems());
        settings.environments().values().forEach(env -> env.monitoringRules().ifPresent(rules -> problems.addAll(
                resolver.resolve(rules, activities, "environments." + env.name() + ".monitoring.rules", file)
                        .problems())));
        return problems;
    }

    /** A settings file with errors is already reported; the rest is still worth checking with defaults. */
    private ConsoleSettings readOrDefaults(Path root) {
        try {
            return settingsReader.read(root);
        } catch (InvalidInputException e) {
            return ConsoleSettingsReader.defaults(root);
        }
    }

    private static List<Problem> refreshPipelineProblems(ConsoleSettings settings, List<Pipeline> read) {
        Path settingsFile = settings.file().orElse(settings.repositoryDirectory());
        String name = settings.refresh().pipeline();
        Optional<Pipeline> refresh = read.stream().filter(p -> p.name().equals(name)).findFirst();
        if (refresh.isEmpty()) {
            return List.of(Problem.warning(settingsFile, 0, 0, "the refresh pipeline '" + name + "' is not in the"
                    + " repository; the console will refresh every semantic model of the repository instead"));
        }
        String parameter = settings.refresh().parameter();
        boolean declared = refresh.get().parameters().containsKey(parameter);
        if (!declared) {
            return List.of(Problem.warning(refresh.get().file(), 0, 0, "the refresh pipeline '" + name
                    + "' has no parameter '" + parameter + "'; the console will refresh every semantic model of"
                    + " the repository (set refresh.parameter in dbb-console.yml if the list has another name)"));
        }
        return List.of();
    }

    /** The two files must agree on environment names, or fabric-cicd silently skips entries. */
    private static List<Problem> environmentProblems(ConsoleSettings settings, ParameterFile file, Path path) {
        Set<String> mentioned = new LinkedHashSet<>();
        file.findReplace().forEach(e -> mentioned.addAll(e.replaceValue().values().keySet()));
        file.keyValueReplace().forEach(e -> mentioned.addAll(e.replaceValue().values().keySet()));
        file.sparkPool().forEach(e -> mentioned.addAll(e.replaceValue().values().keySet()));
        mentioned.removeIf(EnvironmentValues::isAllKey);
        if (mentioned.isEmpty()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        Path settingsFile = settings.file().orElse(path);
        for (String env : settings.environments().keySet()) {
            if (!mentioned.contains(env)) {
                problems.add(Problem.warning(path, 0, 0, "no entry has a value for environment '" + env
                        + "' of dbb-console.yml; fabric-cicd skips every entry when deploying to it (environment"
                        + " names are case-sensitive)"));
            }
        }
        for (String env : mentioned) {
            if (!settings.environments().containsKey(env)) {
                problems.add(Problem.warning(settingsFile, 0, 0, "parameter.yml has values for environment '"
                        + env + "', which dbb-console.yml does not define; add it under environments to run there"
                        + " (defined: " + settings.environments().keySet().stream().collect(Collectors.joining(", "))
                        + ")"));
            }
        }
        return problems;
    }
}
