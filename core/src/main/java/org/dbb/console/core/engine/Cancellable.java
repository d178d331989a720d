package org.dbb.console.core.engine;

/** Something in flight that a run cancel must reach. Called on the run's serial executor. */
interface Cancellable {

    void cancel();
}
