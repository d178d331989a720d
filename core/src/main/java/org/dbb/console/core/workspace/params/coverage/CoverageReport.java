package org.dbb.console.core.workspace.params.coverage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.dbb.console.core.problem.Problem;

/**
 * Which GUIDs in a repository's item files a deployment to one environment leaves as they are. Immutable.
 *
 * @param repositoryDirectory the repository directory (fabric-cicd's {@code repository_directory})
 * @param environment         the environment the parameter file was applied for
 * @param parameterFileUsed   whether a parameter file was applied (false when there is none)
 * @param filesScanned        how many item files were searched
 * @param occurrences         every GUID found, in file order, covered or not
 * @param excludedLogicalIds  how many items' own {@code config.logicalId} in {@code .platform} were left out
 * @param notes               what the resolver reported while applying the file (unresolved variables, entries
 *                            that match nothing…) and anything that makes the result less certain
 */
public record CoverageReport(Path repositoryDirectory, String environment, boolean parameterFileUsed,
                             int filesScanned, List<GuidOccurrence> occurrences, int excludedLogicalIds,
                             List<Problem> notes) {

    public CoverageReport {
        Objects.requireNonNull(repositoryDirectory, "repositoryDirectory");
        Objects.requireNonNull(environment, "environment");
        occurrences = List.copyOf(occurrences);
        notes = List.copyOf(notes);
    }

    /** The GUIDs the deployment leaves unchanged. */
    public List<GuidOccurrence> uncovered() {
        return occurrences.stream().filter(GuidOccurrence::uncovered).toList();
    }

    /** How many GUIDs are in the given state. */
    public long count(CoverageState state) {
        return occurrences.stream().filter(o -> o.state() == state).count();
    }
}
