package org.dbb.console.core.workspace.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of {@code monitoring.rules} in {@code dbb-console.yml}, as written: the names it uses are checked against
 * the workspace later (by {@code dbb validate} and when a run is planned). Each rule remembers where it was written,
 * so those checks can point at it. Immutable.
 */
public sealed interface MonitoringRuleSetting {

    MonitoringRuleKind kind();

    /** 1-based line of the rule in the settings file (0 when not read from a file). */
    int line();

    /** 1-based column of the rule in the settings file (0 when not read from a file). */
    int column();

    /** This rule placed nowhere, for comparing rules regardless of where an edit moved them. */
    MonitoringRuleSetting withoutPosition();

    /**
     * Every activity expected in {@code stage} must have a Succeeded row in the run.
     *
     * @param stage      the stage name
     * @param activities the activities expected; empty means every Copy activity of the pipelines the stage runs
     * @param line       1-based line of the rule
     * @param column     1-based column of the rule
     */
    record IncompleteLoad(String stage, List<String> activities, int line, int column)
            implements MonitoringRuleSetting {

        public IncompleteLoad {
            Objects.requireNonNull(stage, "stage");
            activities = List.copyOf(activities);
        }

        @Override
        public MonitoringRuleKind kind() {
            return MonitoringRuleKind.INCOMPLETE_LOAD;
        }

        @Override
        public IncompleteLoad withoutPosition() {
            return new IncompleteLoad(stage, activities, 0, 0);
        }
    }

    /**
     * {@code stage}, or one activity of it, must not take longer than {@code target}.
     *
     * @param stage    the stage name
     * @param activity the activity timed instead of the whole stage, when given
     * @param target   the longest it may take, on the environment's clock
     * @param line     1-based line of the rule
     * @param column   1-based column of the rule
     */
    record DurationOverTarget(String stage, Optional<String> activity, Duration target, int line, int column)
            implements MonitoringRuleSetting {

        public DurationOverTarget {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(target, "target");
            if (target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("a target must be positive, was " + target);
            }
        }

        @Override
        public MonitoringRuleKind kind() {
            return MonitoringRuleKind.DURATION_OVER_TARGET;
        }

        @Override
        public DurationOverTarget withoutPosition() {
            return new DurationOverTarget(stage, activity, target, 0, 0);
        }
    }

    /**
     * The Copy activity {@code activity} must copy at least {@code minimum} rows.
     *
     * @param stage    the stage running it, when the name alone could be in several
     * @param activity the Copy activity's name
     * @param minimum  the fewest rows it may copy
     * @param line     1-based line of the rule
     * @param column   1-based column of the rule
     */
    record RowsBelowMinimum(Optional<String> stage, String activity, long minimum, int line, int column)
            implements MonitoringRuleSetting {

        public RowsBelowMinimum {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(activity, "activity");
            if (minimum < 0) {
                throw new IllegalArgumentException("a minimum cannot be negative, was " + minimum);
            }
        }

        @Override
        public MonitoringRuleKind kind() {
            return MonitoringRuleKind.ROWS_BELOW_MINIMUM;
        }

        @Override
        public RowsBelowMinimum withoutPosition() {
            return new RowsBelowMinimum(stage, activity, minimum, 0, 0);
        }
    }
}
