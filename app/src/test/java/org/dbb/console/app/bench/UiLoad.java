package org.dbb.console.app.bench;

import javafx.stage.Stage;

/**
 * A load put on a window while {@link UiLoadBenchmark} measures its pulse gaps: builds the page under test, drives
 * work into it from other threads, and says when the window shows all of it. Implement one per scenario (rows
 * flooding the Monitoring page, a streaming 200-step run on the Runs page, …) to measure them the same way.
 */
public interface UiLoad extends AutoCloseable {

    /** What the load does, for the report, e.g. "100,000 monitoring rows appended as fast as the store takes them". */
    String description();

    /**
     * Puts what is measured into {@code stage} and shows it: one page in a scene of the benchmark's size (see
     * {@link UiLoadBenchmark#showPage}), or the whole console window. Called once, on the FX thread, before
     * measuring starts.
     */
    void show(Stage stage) throws Exception;

    /**
     * Waits until what {@link #show} opened is ready for the load (a workspace read, an environment's rows
     * loaded), so that opening it is not measured. Called on the benchmark's thread before measuring starts.
     */
    default void awaitReady() throws Exception {
    }

    /**
     * Produces the load on threads of the load's own and returns once the window shows everything produced, or
     * throws when it does not within the load's time limit. Called on the benchmark's thread while pulses are
     * measured; must not block the FX thread.
     */
    void drive() throws Exception;

    /** What the window showed at the end, checked by the load, e.g. "100,000 of 100,000 rows in the table". */
    String outcome() throws Exception;

    /** Releases what the load opened (threads, databases). */
    @Override
    void close() throws Exception;
}
