package org.dbb.console.core.fabricruns;

/** Where the value of a run's pipeline parameter comes from. Immutable; thread-safe. */
public enum ParameterSource {
    /** Read from what Fabric reports of the run itself. */
    FROM_RUN,
    /**
     * The pipeline's declared default, because Fabric exposes no value of this run: the run may have used another
     * one, so a re-run shows it for confirmation.
     */
    DEFAULT
}
