package org.dbb.console.app.shell;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The operator's choice of semantic models and refresh concurrency cap for the next launch, made on the Models page
 * and taken by the launch dialog as its default. Immutable.
 *
 * @param models the models to refresh; empty means every model of the environment
 * @param cap    the concurrency cap; empty means the plan's default (pipeline parameter, settings, ForEach)
 */
public record RefreshChoice(List<String> models, OptionalInt cap) {

    public static final RefreshChoice DEFAULT = new RefreshChoice(List.of(), OptionalInt.empty());

    public RefreshChoice {
        models = List.copyOf(models);
        Objects.requireNonNull(cap, "cap");
        if (cap.isPresent() && cap.getAsInt() < 1) {
            throw new IllegalArgumentException("a refresh concurrency cap is at least 1, not " + cap.getAsInt());
        }
    }
}
