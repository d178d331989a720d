package org.dbb.console.core.launch;

import java.util.List;
import java.util.Objects;

import org.dbb.console.core.fabricruns.FabricRerunBasis;

/**
 * A re-run of part of a Fabric run, planned and ready to start, with what the operator should confirm first: the
 * parameters it uses and their sources, and what it reuses from the Fabric run. Closing it closes the run's
 * connection. Thread-safe.
 *
 * @param run        the planned run; {@link PreparedRun#start} starts the re-run linked to the Fabric run
 * @param basis      what the re-run reuses from the Fabric run
 * @param parameters every master pipeline parameter in declaration order, with its value and source
 */
public record PreparedFabricRerun(PreparedRun run, FabricRerunBasis basis, List<RerunParameter> parameters)
        implements AutoCloseable {

    public PreparedFabricRerun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(basis, "basis");
        parameters = List.copyOf(parameters);
    }

    /** Whether any value was not read from the run, so it may differ from what the Fabric run used. */
    public boolean anyDefaulted() {
        return parameters.stream().anyMatch(p -> p.source() == RerunParameter.Source.DEFAULT);
    }

    @Override
    public void close() {
        run.close();
    }
}
