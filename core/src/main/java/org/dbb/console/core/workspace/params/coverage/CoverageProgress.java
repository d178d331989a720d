package org.dbb.console.core.workspace.params.coverage;

/**
 * Receives one sentence per step of a coverage scan ("Searching 40 item files for GUIDs …"). Called on the
 * scanning thread; implementations hand the sentence on to wherever it is shown.
 */
@FunctionalInterface
public interface CoverageProgress {

    /** Ignores every report. */
    CoverageProgress NONE = sentence -> { };

    void report(String sentence);
}
