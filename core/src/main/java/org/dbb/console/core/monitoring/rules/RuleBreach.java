package org.dbb.console.core.monitoring.rules;

import java.util.Objects;

import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.workspace.config.MonitoringRuleKind;

/**
 * One finding of a monitoring rule about one run: what was checked, what the rule expected and what the run's rows
 * show. Immutable.
 *
 * @param rule     the rule's 1-based place in its list
 * @param kind     the rule's kind, the check's name
 * @param stage    the stage checked
 * @param activity the activity its monitoring row names (the stage's last activity for a stage-wide finding)
 * @param shownOn  the top-level activity of the stage the finding is reported on
 * @param status   the status of its monitoring row: {@code IncompleteLoad} or {@code ThresholdBreach}
 * @param subject  what was checked, e.g. {@code Copy ERP sales orders} or {@code stage Transformation}
 * @param actual   what the run's rows show, e.g. {@code 812 rows copied}
 * @param expected what the rule asks for, e.g. {@code 1000 rows}
 */
public record RuleBreach(int rule, MonitoringRuleKind kind, String stage, String activity, String shownOn,
                         MonitoringStatus status, String subject, String actual, String expected) {

    public RuleBreach {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(shownOn, "shownOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(expected, "expected");
    }
}
