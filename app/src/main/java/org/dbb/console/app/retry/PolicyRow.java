package org.dbb.console.app.retry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.dbb.console.core.workspace.pipeline.ActivityPolicy;
import org.dbb.console.core.workspace.pipeline.RetryPolicyLimits;
import org.dbb.console.core.workspace.pipeline.RetryPolicyUpdate;
import org.dbb.console.core.workspace.pipeline.RetrySchedule;
import org.dbb.console.core.workspace.pipeline.RetryWording;
import org.dbb.console.core.workspace.pipeline.Timeouts;

/**
 * One activity of one pipeline in the retry-policy table: where it is, what the file says, and the values the
 * operator is typing, each checked against Fabric's limits as it changes. Use on the FX thread (view-model tests
 * use it from their own thread).
 */
public final class PolicyRow {

    private final String pipeline;
    private final Path file;
    private final String activity;
    private final String path;
    private final String type;
    private final boolean retryable;
    private final boolean inactive;
    private final ActivityPolicy loaded;

    // Properties
    private final StringProperty retry = new SimpleStringProperty(this, "retry");
    private final StringProperty interval = new SimpleStringProperty(this, "interval");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private final ReadOnlyStringWrapper wording = new ReadOnlyStringWrapper(this, "wording", "");

    /**
     * @param path      the activity's place, container names first, e.g. {@code Run maintenance › Optimise tables}
     * @param retryable false for control activities (ForEach, If Condition, Set Variable, …), which have no retry
     * @param loaded    the policy as the file has it
     */
    PolicyRow(String pipeline, Path file, String activity, String path, String type, boolean retryable,
              boolean inactive, ActivityPolicy loaded) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.file = Objects.requireNonNull(file, "file");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.path = Objects.requireNonNull(path, "path");
        this.type = Objects.requireNonNull(type, "type");
        this.retryable = retryable;
        this.inactive = inactive;
        this.loaded = Objects.requireNonNull(loaded, "loaded");
        retry.set(Integer.toString(loaded.effectiveRetry()));
        interval.set(Integer.toString(loaded.effectiveRetryIntervalInSeconds()));
        timeout.set(loaded.timeoutText().orElse(Timeouts.format(loaded.effectiveTimeout())));
        retry.addListener((o, a, b) -> check());
        interval.addListener((o, a, b) -> check());
        timeout.addListener((o, a, b) -> check());
        check();
    }

    // Commands

    /** Puts back the values the file has. */
    public void revert() {
        retry.set(Integer.toString(loaded.effectiveRetry()));
        interval.set(Integer.toString(loaded.effectiveRetryIntervalInSeconds()));
        timeout.set(loaded.timeoutText().orElse(Timeouts.format(loaded.effectiveTimeout())));
    }

    /** The values that differ from the file, as the editor takes them; empty values are left as they are. */
    RetryPolicyUpdate update() {
        RetryPolicyUpdate update = RetryPolicyUpdate.none();
        if (parsed(retry.get(), RetryPolicyLimits::retry).filter(v -> v == loaded.effectiveRetry()).isEmpty()) {
            update = update.withRetry(retry.get().strip());
        }
        if (parsed(interval.get(), RetryPolicyLimits::retryIntervalInSeconds)
                .filter(v -> v == loaded.effectiveRetryIntervalInSeconds()).isEmpty()) {
            update = update.withRetryIntervalInSeconds(interval.get().strip());
        }
        if (parsed(timeout.get(), RetryPolicyLimits::timeout).filter(loaded.effectiveTimeout()::equals).isEmpty()) {
            update = update.withTimeout(timeout.get().strip());
        }
        return update;
    }

    /** The schedule of the values typed, when they are all valid. */
    public Optional<RetrySchedule> schedule() {
        Optional<Integer> r = parsed(retry.get(), RetryPolicyLimits::retry);
        Optional<Integer> i = parsed(interval.get(), RetryPolicyLimits::retryIntervalInSeconds);
        Optional<Duration> t = parsed(timeout.get(), RetryPolicyLimits::timeout);
        if (r.isEmpty() || i.isEmpty() || t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RetrySchedule(r.get(), Duration.ofSeconds(i.get()), t.get()));
    }

    /** The policy in the audit trail's words, for the values typed: {@code 5 retries · up to 6 attempts, 60 s apart, timeout 0.01:00:00}. */
    String describeTyped() {
        return wording.get() + ", " + interval.get().strip() + " s apart, timeout " + timeout.get().strip();
    }

    /** The policy as the file has it, in the same words. */
    String describeLoaded() {
        return loaded.retryWording() + ", " + loaded.effectiveRetryIntervalInSeconds() + " s apart, timeout "
                + loaded.timeoutText().orElse("(Fabric default)");
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        Optional<Integer> r = checked(retry.get(), RetryPolicyLimits::retry, problems);
        Optional<Integer> i = checked(interval.get(), RetryPolicyLimits::retryIntervalInSeconds, problems);
        Optional<Duration> t = checked(timeout.get(), RetryPolicyLimits::timeout, problems);
        error.set(problems.isEmpty() ? "" : activity + ": " + String.join("; ", problems));
        wording.set(r.map(RetryWording::describe).orElse("—"));
        boolean same = r.filter(v -> v == loaded.effectiveRetry()).isPresent()
                && i.filter(v -> v == loaded.effectiveRetryIntervalInSeconds()).isPresent()
                && t.filter(loaded.effectiveTimeout()::equals).isPresent();
        changed.set(!same);
    }

    private static <T> Optional<T> checked(String text, Function<String, T> limit, List<String> problems) {
        try {
            return Optional.of(limit.apply(text));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static <T> Optional<T> parsed(String text, Function<String, T> limit) {
        try {
            return Optional.of(limit.apply(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // Property accessors

    public String pipeline() {
        return pipeline;
    }

    public Path file() {
        return file;
    }

    public String activity() {
        return activity;
    }

    public String path() {
        return path;
    }

    public String type() {
        return type;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean inactive() {
        return inactive;
    }

    /** Retries after the first attempt, as typed. */
    public StringProperty retryProperty() {
        return retry;
    }

    /** Seconds between attempts, as typed. */
    public StringProperty intervalProperty() {
        return interval;
    }

    /** The per-attempt timeout as {@code D.HH:MM:SS}, as typed. */
    public StringProperty timeoutProperty() {
        return timeout;
    }

    /** What is wrong with the values typed, in {@code dbb retry set}'s words; empty when they are valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the values typed differ from the file (an invalid value counts as a change). */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** {@code 3 retries · up to 4 attempts} for the retries typed; a dash while they are invalid. */
    public ReadOnlyStringProperty wordingProperty() {
        return wording.getReadOnlyProperty();
    }

    public boolean isChanged() {
        return changed.get();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }
}
