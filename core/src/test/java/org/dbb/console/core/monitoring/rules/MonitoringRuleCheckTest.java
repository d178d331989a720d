package org.dbb.console.core.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.workspace.config.MonitoringRuleKind;

/** The rules checked over a run's rows: what counts as evidence, and what each finding says. */
class MonitoringRuleCheckTest {

    private static final Instant T0 = Instant.parse("2025-05-01T06:00:00Z");
    private static final String INTEGRATION = "Integration";
    private static final String RUN_INTEGRATION = "Run integration pipeline";
    private static final String ORDERS = "Copy_Orders";
    private static final String CUSTOMERS = "Copy_Customers";

    private final List<MonitoringRow> rows = new ArrayList<>();

    private static final MonitoringRule.IncompleteLoad LOADS = new MonitoringRule.IncompleteLoad(1, INTEGRATION,
            List.of(new MonitoringRule.ExpectedActivity(CUSTOMERS, RUN_INTEGRATION),
                    new MonitoringRule.ExpectedActivity(ORDERS, RUN_INTEGRATION)));

    private static MonitoringRule.RowsBelowMinimum minimum(long rows) {
        return new MonitoringRule.RowsBelowMinimum(2, INTEGRATION, ORDERS, rows, RUN_INTEGRATION);
    }

    private static MonitoringRule.DurationOverTarget stageTarget(Duration target) {
        return new MonitoringRule.DurationOverTarget(3, INTEGRATION, Optional.empty(), target, RUN_INTEGRATION);
    }

    /** Adds a row of {@code activity} in Integration from {@code start} to {@code end} seconds after T0. */
    private MonitoringRow row(String activity, MonitoringStatus status, long start, long end, String job,
                              OptionalLong copied) {
        return rowIn(INTEGRATION, activity, status, start, end, job, copied);
    }

    private MonitoringRow rowIn(String stage, String activity, MonitoringStatus status, long start, long end,
                                String job, OptionalLong copied) {
        MonitoringRow row = new MonitoringRow(OptionalLong.of(rows.size() + 1L), "run-1", "TEST", stage,
                activity, Optional.of("integration_pipeline_DBB"), 1, status, Optional.of(job),
                T0.plusSeconds(start), status == MonitoringStatus.IN_PROGRESS ? Optional.empty()
                : Optional.of(T0.plusSeconds(end)), copied, copied, Optional.empty(), Optional.empty(), "ops");
        rows.add(row);
        return row;
    }

    private void step(MonitoringStatus end, long from, long to) {
        row(RUN_INTEGRATION, MonitoringStatus.IN_PROGRESS, from, from, "job-1", OptionalLong.empty());
        row(RUN_INTEGRATION, end, from, to, "job-1", OptionalLong.empty());
    }

    private void copy(String activity, MonitoringStatus status, String job, long rowsCopied) {
        row(activity, status, 10, 60, job, OptionalLong.of(rowsCopied));
    }

    private List<RuleBreach> check(MonitoringRule... rules) {
        return MonitoringRuleCheck.breaches(List.of(rules), rows, 1);
    }

    @Test
    void everyExpectedCopySucceededSoTheLoadIsComplete() {
        step(MonitoringStatus.SUCCEEDED, 0, 100);
        copy(CUSTOMERS, MonitoringStatus.SUCCEEDED, "job-1", 10);
        copy(ORDERS, MonitoringStatus.SUCCEEDED, "job-1", 10);

        assertThat(check(LOADS)).isEmpty();
    }

    @Test
    void aFailedCopyIsAnIncompleteLoadShownOnTheActivityRunningItsPipeline() {
        step(MonitoringStatus.FAILED, 0, 100);
        copy(CUSTOMERS, MonitoringStatus.SUCCEEDED, "job-1", 10);
        copy(ORDERS, MonitoringStatus.FAILED, "job-1", 0);

        assertThat(check(LOADS)).containsExactly(new RuleBreach(1, MonitoringRuleKind.INCOMPLETE_LOAD, INTEGRATION,
                ORDERS, RUN_INTEGRATION, MonitoringStatus.INCOMPLETE_LOAD, ORDERS, "last run Failed",
                "a Succeeded run"));
    }

    @Test
    void aCopyThatNeverRanWhileItsPipelineDidIsAnIncompleteLoad() {
        step(MonitoringStatus.FAILED, 0, 100);
        copy(CUSTOMERS, MonitoringStatus.FAILED, "job-1", 0);

        assertThat(check(LOADS)).extracting(RuleBreach::activity, RuleBreach::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CUSTOMERS, "last run Failed"),
                        org.assertj.core.groups.Tuple.tuple(ORDERS, "not run"));
    }

    @Test
    void aCopyThatSucceededOnARetryCompletesTheLoad() {
        step(MonitoringStatus.SUCCEEDED, 0, 100);
        copy(CUSTOMERS, MonitoringStatus.SUCCEEDED, "job-1", 10);
        copy(ORDERS, MonitoringStatus.FAILED, "job-1", 0);
        copy(ORDERS, MonitoringStatus.SUCCEEDED, "job-2", 10);

        assertThat(check(LOADS)).isEmpty();
    }

    @Test
    void nothingIsExpectedOfAStageWhoseActivityDidNotRunInThisRun() {
        // the stage was skipped after an earlier failure, or reused by a re-run: no attempt rows at all
        rowIn("Initialisation", "Lookup environment", MonitoringStatus.FAILED, 0, 5, "job-0",
                OptionalLong.empty());

        assertThat(check(LOADS, minimum(1000), stageTarget(Duration.ofSeconds(1)))).isEmpty();
    }

    @Test
    void findingsAndSkippedRowsAreNoEvidenceOfALoad() {
        step(MonitoringStatus.SUCCEEDED, 0, 100);
        copy(CUSTOMERS, MonitoringStatus.SUCCEEDED, "job-1", 10);
        row(ORDERS, MonitoringStatus.INCOMPLETE_LOAD, 100, 100, "job-1", OptionalLong.empty());
        row(ORDERS, MonitoringStatus.THRESHOLD_BREACH, 100, 100, "job-1", OptionalLong.empty());
        row(ORDERS, MonitoringStatus.SKIPPED, 100, 100, "job-1", OptionalLong.empty());

        assertThat(check(LOADS)).extracting(RuleBreach::actual).containsExactly("not run");
    }

    @Test
    void aCopyBelowItsMinimumIsABreachNamingRowsCopiedAndTheMinimum() {
        step(MonitoringStatus.SUCCEEDED, 0, 100);
        copy(ORDERS, MonitoringStatus.SUCCEEDED, "job-1", 812);

        assertThat(check(minimum(1000))).containsExactly(new RuleBreach(2, MonitoringRuleKind.ROWS_BELOW_MINIMUM,
                INTEGRATION, ORDERS, RUN_INTEGRATION, MonitoringStatus.THRESHOLD_BREACH, ORDERS,
                "812 rows copied", "1000 rows"));
        assertThat(check(minimum(812))).as("exactly the minimum is enough").isEmpty();
    }

    @Test
    void rowsAreCountedOverTheLatestPipelineRunOnlyAddingUpItsIterations() {
        step(MonitoringStatus.SUCCEEDED, 0, 100);
        copy(ORDERS, MonitoringStatus.SUCCEEDED, "job-1", 5000);
        row(ORDERS, MonitoringStatus.SUCCEEDED, 200, 210, "job-2", OptionalLong.of(300));
        row(ORDERS, MonitoringStatus.SUCCEEDED, 210, 220, "job-2", OptionalLong.of(400));
        row(ORDERS, MonitoringStatus.FAILED, 220, 230, "job-2", OptionalLong.of(9000));

        assertThat(check(minimum(1000))).extracting(RuleBreach::actual).containsExactly("700 rows copied");
        assertThat(check(minimum(700))).isEmpty();
    }

    @Test
    void aCopyWithNothingSucceededOrNoCountsIsLeftToTheLoadRule() {
        step(MonitoringStatus.FAILED, 0, 100);
        copy(ORDERS, MonitoringStatus.FAILED, "job-1", 0);
        row(CUSTOMERS, MonitoringStatus.SUCCEEDED, 10, 20, "job-1", OptionalLong.empty());

        assertThat(check(minimum(1000), new MonitoringRule.RowsBelowMinimum(4, INTEGRATION, CUSTOMERS, 1,
                RUN_INTEGRATION))).isEmpty();
    }

    @Test
    void aStageLongerThanItsTargetIsABreachWithBothDurations() {
        step(MonitoringStatus.FAILED, 0, 600);
        step(MonitoringStatus.SUCCEEDED, 630, 1325);

        assertThat(check(stageTarget(Duration.ofMinutes(20)))).containsExactly(new RuleBreach(3,
                MonitoringRuleKind.DURATION_OVER_TARGET, INTEGRATION, RUN_INTEGRATION, RUN_INTEGRATION,
                MonitoringStatus.THRESHOLD_BREACH, "stage Integration", "22m 5s", "20m"));
        assertThat(check(stageTarget(Duration.ofSeconds(1325)))).as("exactly the target is on time").isEmpty();
    }

    @Test
    void anActivityTargetTimesThatActivityOnly() {
        step(MonitoringStatus.SUCCEEDED, 0, 3600);
        row(ORDERS, MonitoringStatus.SUCCEEDED, 100, 400, "job-1", OptionalLong.of(5));
        MonitoringRule.DurationOverTarget orders = new MonitoringRule.DurationOverTarget(1, INTEGRATION,
                Optional.of(ORDERS), Duration.ofMinutes(4), RUN_INTEGRATION);

        assertThat(check(orders)).singleElement().satisfies(b -> {
            assertThat(b.subject()).isEqualTo(ORDERS);
            assertThat(b.activity()).isEqualTo(ORDERS);
            assertThat(b.actual()).isEqualTo("5m");
        });
    }

    @Test
    void onAFasterClockTheTargetIsScaledAndDurationsAreGivenOnTheEnvironmentsClock() {
        // at time scale 0.03, 36 real seconds are 20 environment minutes
        step(MonitoringStatus.SUCCEEDED, 0, 36);

        assertThat(MonitoringRuleCheck.breaches(List.of(stageTarget(Duration.ofMinutes(15))), rows, 0.03))
                .extracting(RuleBreach::actual, RuleBreach::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("20m", "15m"));
        assertThat(MonitoringRuleCheck.breaches(List.of(stageTarget(Duration.ofMinutes(25))), rows, 0.03)).isEmpty();
    }

    @Test
    void aStageStillOpenIsTimedToItsLastRecordedMoment() {
        row(RUN_INTEGRATION, MonitoringStatus.IN_PROGRESS, 0, 0, "job-1", OptionalLong.empty());
        row(ORDERS, MonitoringStatus.SUCCEEDED, 10, 1500, "job-1", OptionalLong.of(1));

        assertThat(check(stageTarget(Duration.ofMinutes(20)))).extracting(RuleBreach::actual)
                .containsExactly("25m");
    }

    @Test
    void findingsComeInRuleOrderAndTheSameRowsGiveTheSameFindings() {
        step(MonitoringStatus.FAILED, 0, 7200);
        copy(CUSTOMERS, MonitoringStatus.SUCCEEDED, "job-1", 10);

        List<RuleBreach> first = check(stageTarget(Duration.ofHours(1)), LOADS, minimum(20));
        assertThat(first).extracting(RuleBreach::kind).containsExactly(MonitoringRuleKind.DURATION_OVER_TARGET,
                MonitoringRuleKind.INCOMPLETE_LOAD);
        assertThat(check(stageTarget(Duration.ofHours(1)), LOADS, minimum(20))).isEqualTo(first);
    }

    @Test
    void durationsReadAsTheSettingsFileWritesThem() {
        assertThat(MonitoringRuleCheck.text(Duration.ofSeconds(0))).isEqualTo("0s");
        assertThat(MonitoringRuleCheck.text(Duration.ofSeconds(90))).isEqualTo("1m 30s");
        assertThat(MonitoringRuleCheck.text(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(MonitoringRuleCheck.text(Duration.ofSeconds(3725))).isEqualTo("1h 2m 5s");
        assertThat(MonitoringRuleCheck.text(Duration.ofMillis(1499))).isEqualTo("1s");
    }

    @Test
    void aClockScaleMustBePositive() {
        assertThatThrownBy(() -> MonitoringRuleCheck.breaches(List.of(LOADS), rows, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
