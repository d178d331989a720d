package org.dbb.console.core.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dbb.console.core.fabric.DefinitionPart;
import org.dbb.console.core.fabric.ItemDefinition;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.resolve.AppliedReplacement;
import org.dbb.console.core.workspace.params.resolve.FileChange;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;
import org.dbb.console.core.workspace.params.resolve.ResolutionResult;
import org.dbb.console.core.workspace.params.resolve.ResolverOptions;

/**
 * Builds the definition a deployment would publish for one item: every file of its folder, with
 * {@code parameter.yml} applied for the environment exactly as fabric-cicd applies it (logicalIds, then
 * key_value_replace, then find_replace, then all-zero workspace ids) and variables that cannot be resolved
 * refused, as a deployment refuses them. Backups and temporary files the console's editors leave are not part of
 * the item. Reads files; stateless and thread-safe.
 */
public final class DeploymentDefinitions {

    private final ParameterFileValidator validator;
    private final ParameterResolver resolver;

    public DeploymentDefinitions(ParameterFileValidator validator, ParameterResolver resolver) {
        this.validator = validator;
        this.resolver = resolver;
    }

    /**
     * The item's definition for {@code environment}.
     *
     * @param context what is known about the target workspace: its id, its items and the logicalIds they map to
     * @throws InvalidInputException when {@code parameter.yml} is invalid for the environment, a variable cannot be
     *                               resolved, or a file cannot be read
     */
    public DeployableDefinition build(Workspace repository, Item item, String environment,
                                      ReplacementContext context) {
        Optional<ResolutionResult> resolution = resolve(repository, item, environment, context);
        List<DefinitionPart> parts = new ArrayList<>();
        for (Path file : files(repository.items(), item)) {
            String relative = item.folder().relativize(file).toString().replace('\\', '/');
            Optional<FileChange> change = resolution.flatMap(r -> r.change(file));
            parts.add(change.isPresent()
                    ? new DefinitionPart(relative, change.get().after().getBytes(StandardCharsets.UTF_8))
                    : new DefinitionPart(relative, read(file)));
        }
        List<AppliedReplacement> applied = resolution.map(r -> r.changes().stream()
                .flatMap(c -> c.applied().stream()).toList()).orElse(List.of());
        return new DeployableDefinition(item, environment, ItemDefinition.of(parts), applied);
    }

    private Optional<ResolutionResult> resolve(Workspace repository, Item item, String environment,
                                               ReplacementContext context) {
        Path parameterFile = repository.parameterFile();
        // fabric-cicd publishes the files unchanged when the repository has no parameter file
        if (!Files.isRegularFile(parameterFile)) {
            return Optional.empty();
        }
        ParameterValidation validation = validator.validate(parameterFile, Optional.of(environment),
                Optional.of(repository.items()));
        if (!validation.valid()) {
            throw new InvalidInputException(validation.errors());
        }
        ItemScan scope = new ItemScan(repository.items().root(), List.of(item), List.of());
        ResolutionResult result = resolver.apply(validation.file().orElseThrow(), scope, environment, context,
                ResolverOptions.defaults().withReplaceIdentifiers(true));
        if (result.hasErrors()) {
            throw new InvalidInputException(result.errors());
        }
        return Optional.of(result);
    }

    private static List<Path> files(ItemScan scan, Item item) {
        try (Stream<Path> walk = Files.walk(item.folder())) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> scan.owning(f).map(owner -> owner.folder().equals(item.folder())).orElse(true))
                    .filter(f -> !isEditorLeftover(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(item.folder(), 0, 0, "cannot list the files of "
                    + item.label() + " (" + e.getMessage() + "); check the folder's permissions"));
        }
    }

    private static boolean isEditorLeftover(String name) {
        return name.endsWith(AtomicFileWriter.BACKUP_SUFFIX) || (name.startsWith(".") && name.endsWith(".tmp"));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "cannot read the file (" + e.getMessage()
                    + "); check that it exists and is readable"));
        }
    }
}
