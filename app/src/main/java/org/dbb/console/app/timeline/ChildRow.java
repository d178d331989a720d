package org.dbb.console.app.timeline;

/**
 * One nested row in the step detail: a stage's step, a fan-out item, a model, or a child pipeline's activity run.
 * Immutable.
 *
 * @param name     its label
 * @param type     its activity type
 * @param state    its state, in words
 * @param started  when its first attempt started; empty when it did not
 * @param duration from its first attempt's start to its last attempt's end (or now)
 * @param attempts how many attempts it made
 */
public record ChildRow(String name, String type, String state, String started, String duration, int attempts) {
}
