package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.problem.Problem;

/**
 * What {@code parameter.yml} does to a repository for one environment: the files that change, in repository
 * order, and the problems found. Entry problems point at the entry in {@code parameter.yml}; file problems at the
 * file. Nothing is written to disk. Immutable.
 *
 * @param repositoryDirectory the repository directory the paths belong to (absolute)
 * @param environment         the environment applied
 * @param changes             changed files only
 * @param problems            errors (fabric-cicd would stop the deployment) and warnings (it would skip or log)
 */
public record ResolutionResult(Path repositoryDirectory, String environment, List<FileChange> changes,
                               List<Problem> problems) {

    public ResolutionResult {
        repositoryDirectory = repositoryDirectory.toAbsolutePath().normalize();
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** The change of {@code file}, when it changes. */
    public Optional<FileChange> change(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return changes.stream().filter(c -> c.file().equals(wanted)).findFirst();
    }

    /** {@code file} relative to the repository directory, with {@code /} separators. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(repositoryDirectory) ? repositoryDirectory.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
