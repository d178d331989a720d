package org.dbb.console.core.engine;

import java.util.concurrent.CompletableFuture;

/**
 * One try of a step. {@link #start()} is called once; the future completes on the run's serial executor and never
 * exceptionally. {@link #cancel()} (also on the serial executor) stops it as soon as it safely can.
 */
interface Attempt extends Cancellable {

    CompletableFuture<AttemptResult> start();
}
