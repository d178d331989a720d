package org.dbb.console.core.monitoring.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.config.MonitoringRuleKind;

/**
 * A monitoring rule of {@code dbb-console.yml} resolved against the workspace: every name it uses is known, and
 * the stage's defaults are filled in. What a run is checked against when it ends. Immutable.
 */
public sealed interface MonitoringRule {

    /** The rule's 1-based place in its list, which names its rows. */
    int number();

    MonitoringRuleKind kind();

    /** The stage it checks. */
    String stage();

    /**
     * Each activity of {@code expected} needs a Succeeded row in the run, unless the top-level activity standing for
     * it did not run in this run (a stage skipped after a failure, or reused by a re-run).
     *
     * @param number   the rule's place
     * @param stage    the stage
     * @param expected the activities expected, each with the top-level activity that runs it
     */
    record IncompleteLoad(int number, String stage, List<ExpectedActivity> expected) implements MonitoringRule {

        public IncompleteLoad {
            Objects.requireNonNull(stage, "stage");
            expected = List.copyOf(expected);
        }

        @Override
        public MonitoringRuleKind kind() {
            return MonitoringRuleKind.INCOMPLETE_LOAD;
        }
    }

    /**
     * The stage, or {@code activity} within it, must not take longer than {@code target}: from its first row's start
     * to its last row's end.
     *
     * @param number   the rule's place
     * @param stage    the stage
     * @param activity the activity timed instead of the whole stage
     * @param target   the longest it may take, on the environment's clock
     * @param shownOn  the top-level activity a breach is shown on
     */
    record DurationOverTarget(int number, String stage, Optional<String> activity, Duration target, String shownOn)
            implements MonitoringRule {

        public DurationOverTarget {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(shownOn, "shownOn");
        }

        @Override
        public MonitoringRuleKind kind() {
            return MonitoringRuleKind.DURATION_OVER_TARGET;
        }
    }

    /**
     * The Copy activity must copy at least {@code minimum} rows in its latest pipeline run of the run (the sum over
     * its Succeeded activity runs there, e.g. the iterations of a loop).
     *
     * @param number   the rule's place
     * @param stage    the stage running it
     * @param activity the Copy activity
     * @param minimum  the fewest rows it may copy
     * @param shownOn  the top-level activity running its pipeline, on which a breach is shown
     */
    record RowsBelowMinimum(int number, String stage, String activity, long minimum, String shownOn)
            implements MonitoringRule {

        public RowsBelowMinimum {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(shownOn, "shownOn");
            if (minimum < 0) {
                throw new IllegalArgumentException("a minimum cannot be negative, was " + minimum);
            }
        }

        @Override
        public MonitoringRuleKind kind() {
            return MonitoringRuleKind.ROWS_BELOW_MINIMUM;
        }
    }

    /**
     * An activity a rule expects, with the top-level activity whose rows say whether it ran at all. Immutable.
     *
     * @param name  the activity (a top-level activity, or a Copy activity of a pipeline the stage runs)
     * @param runBy the top-level activity standing for it (itself when it is one)
     */
    record ExpectedActivity(String name, String runBy) {

        public ExpectedActivity {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(runBy, "runBy");
        }
    }
}
