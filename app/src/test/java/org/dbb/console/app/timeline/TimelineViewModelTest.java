package org.dbb.console.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dbb.console.app.timeline.TimelineSamples.COPY_TABLES;
import static org.dbb.console.app.timeline.TimelineSamples.FINANCE;
import static org.dbb.console.app.timeline.TimelineSamples.REFRESH;
import static org.dbb.console.app.timeline.TimelineSamples.T0;
import static org.dbb.console.app.timeline.TimelineSamples.TRANSFORM;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;

class TimelineViewModelTest {

    private final MutableClock clock = new MutableClock(T0.plus(TimelineSamples.NOW));
    private final TimelineViewModel model = new TimelineViewModel(clock);

    private List<String> labels() {
        return model.rows().stream().map(TimelineRow::label).toList();
    }

    private TimelineRow row(String label) {
        return model.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private int indexOf(String label) {
        return labels().indexOf(label);
    }

    @Nested
    class Rows {

        @Test
        void lanesStartExpandedAndRowsWithNestedRowsStartCollapsed() {
            model.setTimeline(TimelineSamples.running(24));

            assertThat(labels()).containsExactly("1 · Initialisation", "Resolve environment metadata",
                    "Set workspace ids", "2 · Integration", "Copy source tables", "Run integration pipeline",
                    "3 · Transformation", "Run transformation pipeline", "4 · Monitoring", "Check load completeness",
                    "5 · Maintenance", "Run maintenance if requested", "6 · Semantic refresh",
                    "Refresh semantic models");
            assertThat(row("Copy source tables").expandable()).isTrue();
            assertThat(row("Copy source tables").expanded()).isFalse();
            assertThat(row("1 · Initialisation").depth()).isZero();
            assertThat(row("Copy source tables").depth()).isEqualTo(1);
        }

        @Test
        void collapsedRowsSayHowManyNestedRowsTheyHoldAndHowManyFailed() {
            StepKey fanOut = StepKey.of("Integration", "Copy source tables");
            List<StepRow> items = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                items.add(Steps.step(T0, fanOut.item(i, "t" + i), "Copy")
                        .state(i % 8 == 3 ? StepState.FAILED : StepState.SUCCEEDED).build());
            }
            model.setTimeline(oneStage(Steps.step(T0, fanOut, "ForEach").state(StepState.FAILED).children(items)
                    .build()));

            assertThat(row("Copy source tables").summary()).isEqualTo("24 items · 3 failed");
        }

        @Test
        void modelsAndChildActivitiesAreCountedByWhatTheyAre() {
            model.setTimeline(TimelineSamples.running(3));

            assertThat(row("Refresh semantic models").summary())
                    .isEqualTo("4 models · 1 failed · 1 running · 1 waiting");
            assertThat(row("Run integration pipeline").summary()).isEqualTo("2 activities");
            assertThat(row("2 · Integration").summary()).isEqualTo("2 steps");
            assertThat(row("Check load completeness").summary()).isEmpty();
        }

        @Test
        void expandingShowsNestedRowsOneLevelDeeper() {
            model.setTimeline(TimelineSamples.running(3));

            model.expand(RowId.step(COPY_TABLES));

            int at = indexOf("Copy source tables");
            assertThat(labels().subList(at + 1, at + 4)).containsExactly("[0] dbo.customers", "[1] dbo.orders",
                    "[2] dbo.order_lines");
            assertThat(model.rows().get(at + 1).depth()).isEqualTo(2);
            assertThat(row("Copy source tables").expanded()).isTrue();
        }

        @Test
        void expansionIsKeptAcrossUpdates() {
            model.setTimeline(TimelineSamples.running(3));
            model.expand(RowId.step(COPY_TABLES));
            model.collapse(RowId.stage(TimelineSamples.TRANSFORMATION));

            model.setTimeline(TimelineSamples.running(5));

            assertThat(labels()).contains("[4] dbo.stores").doesNotContain("Run transformation pipeline");
            assertThat(row("3 · Transformation").expanded()).isFalse();
        }

        @Test
        void expandAllOpensEveryRowIncludingRowsThatAppearLater() {
            model.setTimeline(TimelineSamples.running(2));

            model.expandAll();
            model.setTimeline(TimelineSamples.running(3));

            assertThat(labels()).contains("[2] dbo.order_lines", "Load staging", "Finance", "Operations");
            assertThat(model.rows()).hasSize(14 + 3 + 2 + 4);
        }

        @Test
        void collapseAllLeavesOneRowPerStage() {
            model.setTimeline(TimelineSamples.running(3));
            model.expandAll();

            model.collapseAll();

            assertThat(labels()).containsExactly("1 · Initialisation", "2 · Integration", "3 · Transformation",
                    "4 · Monitoring", "5 · Maintenance", "6 · Semantic refresh");
            assertThat(row("4 · Monitoring").summary()).isEqualTo("1 step");
        }

        @Test
        void retriedStepsCountTheirRetriesAndReusedStepsSayFromWhere() {
            StepRow reused = Steps.step(T0, StepKey.of("Integration", "Copy"), "Copy").state(StepState.SUCCEEDED)
                    .reusedFrom("run-0800").attempt(0, 180, AttemptStatus.SUCCEEDED, "j1").build();
            model.setTimeline(TimelineSamples.running(3));
            assertThat(row("Run transformation pipeline").retries()).isEqualTo(1);
            assertThat(row("Check load completeness").retries()).isZero();

            model.setTimeline(oneStage(reused));
            assertThat(row("Copy").reusedFrom()).contains("run-0800");
            assertThat(row("Copy").segments()).extracting(TimelineSegment::kind).containsExactly(SegmentKind.REUSED);
        }

        @Test
        void aRefreshThatOverranItsTargetMarksWhenItPassedIt() {
            model.setTimeline(TimelineSamples.running(3));
            model.expand(RowId.step(REFRESH));

            assertThat(row("Inventory").target()).contains(T0.plusSeconds(655 + 60));
            assertThat(row("Sales").target()).isEmpty();
        }

        @Test
        void waitsComeBeforeAttemptsSoAttemptsAreDrawnOnTop() {
            model.setTimeline(TimelineSamples.running(3));

            assertThat(row("Run transformation pipeline").segments()).extracting(TimelineSegment::kind)
                    .containsExactly(SegmentKind.WAITING, SegmentKind.FAILED, SegmentKind.SUCCEEDED);
            assertThat(row("6 · Semantic refresh").segments()).extracting(TimelineSegment::kind)
                    .containsExactly(SegmentKind.RUNNING);
            assertThat(row("5 · Maintenance").segments()).isEmpty();
        }
    }

    @Nested
    class Selection {

        @Test
        void selectionIsKeptAcrossUpdates() {
            model.setTimeline(TimelineSamples.running(3));
            model.select(TRANSFORM);

            model.setTimeline(TimelineSamples.running(4));

            assertThat(model.selection()).contains(RowId.step(TRANSFORM));
            assertThat(model.selectedIndex()).isEqualTo(indexOf("Run transformation pipeline"));
            assertThat(model.selectedStep()).map(StepRow::label).contains("Run transformation pipeline");
        }

        @Test
        void selectionIsClearedWhenItsRowLeavesTheTimeline() {
            model.setTimeline(TimelineSamples.running(5));
            StepKey last = COPY_TABLES.item(4, "dbo.stores");
            model.select(last);

            model.setTimeline(TimelineSamples.running(3));

            assertThat(model.selection()).isEmpty();
        }

        @Test
        void selectingAHiddenRowExpandsTheRowsAboveIt() {
            model.setTimeline(TimelineSamples.running(3));
            model.collapseAll();

            model.select(FINANCE);

            assertThat(labels()).contains("Refresh semantic models", "Finance");
            assertThat(model.rows().get(model.selectedIndex()).label()).isEqualTo("Finance");
        }

        @Test
        void collapsingARowMovesTheSelectionFromInsideItToIt() {
            model.setTimeline(TimelineSamples.running(3));
            model.select(FINANCE);

            model.collapse(RowId.step(REFRESH));

            assertThat(model.selection()).contains(RowId.step(REFRESH));
        }

        @Test
        void collapseAllMovesASelectedStepToItsLane() {
            model.setTimeline(TimelineSamples.running(3));
            model.select(TRANSFORM);

            model.collapseAll();

            assertThat(model.selection()).contains(RowId.stage(TimelineSamples.TRANSFORMATION));
        }

        @Test
        void keyboardMovesTheSelectionWithinTheRows() {
            model.setTimeline(TimelineSamples.running(3));

            model.moveSelection(1);
            assertThat(model.selectedIndex()).isZero();
            model.moveSelection(3);
            assertThat(model.selectedIndex()).isEqualTo(3);
            model.moveSelection(1000);
            assertThat(model.selectedIndex()).isEqualTo(model.rows().size() - 1);
            model.moveSelection(-1000);
            assertThat(model.selectedIndex()).isZero();
        }

        @Test
        void clickingARowSelectsIt() {
            model.setTimeline(TimelineSamples.running(3));

            model.selectRow(indexOf("Check load completeness"));

            assertThat(model.selectedStep()).map(StepRow::key)
                    .contains(StepKey.of(TimelineSamples.MONITORING, "Check load completeness"));
        }
    }

    @Nested
    class Hover {

        @BeforeEach
        void showRun() {
            model.setTimeline(TimelineSamples.running(3));
            model.setViewportWidth(1000);
            model.expand(RowId.step(REFRESH));
        }

        @Test
        void aFailedAttemptSaysWhichOfHowManyHowLongAndTheError() {
            TimelineRow transform = row("Run transformation pipeline");

            assertThat(model.hoverText(transform, transform.segments().get(1))).isEqualTo(
                    "attempt 1 of 2 · failed after 1 min 3 s · DbtJobFailed: dbt run failed: model fct_sales "
                            + "(models/marts/fct_sales.sql) Database Error: column \"net_amount\" does not exist");
        }

        @Test
        void aRunningAttemptSaysHowLongItHasRunWithoutGuessingTheAttemptCount() {
            TimelineRow inventory = row("Inventory");

            assertThat(model.hoverText(inventory, inventory.segments().get(1)))
                    .isEqualTo("attempt 1 · running for 1 min 9 s");
        }

        @Test
        void anOpenWaitNamesItsReasonAndHowLongSoFar() {
            TimelineRow operations = row("Operations");

            assertThat(model.hoverText(operations, operations.segments().get(1))).isEqualTo(
                    "Power BI is already refreshing Operations (a scheduled refresh); waiting to attach · 24 s so far");
        }

        @Test
        void anEndedWaitSaysHowLongItWaited() {
            TimelineRow transform = row("Run transformation pipeline");

            assertThat(model.hoverText(transform, transform.segments().get(0)))
                    .isEqualTo("retry at 09:06:23.000Z (attempt 2 of 4) · waited 30 s");
        }

        @Test
        void theBarUnderThePointerIsFoundByPosition() {
            int transform = indexOf("Run transformation pipeline");
            double inFirstAttempt = model.x(T0.plusSeconds(300));
            double inRetryWait = model.x(T0.plusSeconds(365));
            double afterTheStep = model.x(T0.plusSeconds(700));

            assertThat(model.hoverText(transform, inFirstAttempt)).hasValueSatisfying(
                    text -> assertThat(text).startsWith("attempt 1 of 2 · failed"));
            assertThat(model.hoverText(transform, inRetryWait)).hasValueSatisfying(
                    text -> assertThat(text).startsWith("retry at"));
            assertThat(model.hoverText(transform, afterTheStep)).isEmpty();
        }

        @Test
        void aStageBarSummarisesTheStage() {
            int stage = indexOf("3 · Transformation");

            assertThat(model.hoverText(stage, model.x(T0.plusSeconds(400))))
                    .contains("3 · Transformation · succeeded after 4 min 30 s · usually 4 min");
        }

        @Test
        void longMessagesAreShortenedToOneLine() {
            String longMessage = "line one\n\n" + "x".repeat(400);
            StepRow failed = Steps.step(T0, StepKey.of("Integration", "Copy"), "Copy").state(StepState.FAILED)
                    .failedAttempt(0, 5, "j", null, longMessage, null).build();
            model.setTimeline(oneStage(failed));
            TimelineRow copy = row("Copy");

            String text = model.hoverText(copy, copy.segments().get(0));

            assertThat(text).startsWith("attempt 1 of 1 · failed after 5 s · line one xxx").endsWith("…")
                    .doesNotContain("\n");
        }

        @Test
        void aReusedStepSaysWhichRunItCameFrom() {
            StepRow reused = Steps.step(T0, StepKey.of("Integration", "Copy"), "Copy").state(StepState.SUCCEEDED)
                    .reusedFrom("run-0800").attempt(0, 180, AttemptStatus.SUCCEEDED, "j1").build();
            model.setTimeline(oneStage(reused));
            TimelineRow copy = row("Copy");

            assertThat(model.hoverText(copy, copy.segments().get(0)))
                    .isEqualTo("reused from run run-0800 · attempt 1 · succeeded after 3 min");
        }
    }

    @Nested
    class ZoomAndFit {

        @Test
        void theFirstTimelineIsFittedOnceTheWidthIsKnown() {
            model.setTimeline(TimelineSamples.running(3));
            model.setViewportWidth(1000);

            // Running: the run's usual end (18 min) is in view; 10 % of the width stays free on the right.
            assertThat(model.secondsPerPixelProperty().get()).isCloseTo(18 * 60 / 900.0, within(1e-9));
            assertThat(model.viewStartProperty().get()).isZero();
            assertThat(model.x(T0)).isZero();
        }

        @Test
        void anEndedRunIsFittedToItsOwnSpan() {
            model.setViewportWidth(1000);
            model.setTimeline(TimelineSamples.fanOut(100, RunState.SUCCEEDED));

            assertThat(model.secondsPerPixelProperty().get()).isCloseTo(160 / 900.0, within(1e-9));
            assertThat(model.x(T0.plusSeconds(160))).isCloseTo(900, within(1e-6));
        }

        @Test
        void aRunThatJustStartedIsFittedToAtLeastAMinute() {
            model.setViewportWidth(1000);
            clock.set(T0.plusSeconds(5));
            model.setTimeline(justStarted());

            assertThat(model.secondsPerPixelProperty().get()).isCloseTo(60 / 900.0, within(1e-9));
        }

        @Test
        void zoomingKeepsTheTimeUnderTheAnchorInPlace() {
            model.setTimeline(TimelineSamples.running(3));
            model.setViewportWidth(1000);
            model.followNowProperty().set(false);
            Instant underPointer = model.timeAt(500);

            model.zoomAt(0.5, 500);

            assertThat(model.secondsPerPixelProperty().get()).isCloseTo(0.6, within(1e-9));
            assertThat(model.timeAt(500)).isEqualTo(underPointer);
            assertThat(model.viewStartProperty().get()).isCloseTo(300, within(1e-9));
        }

        @Test
        void zoomButtonsStepByTheZoomFactorAroundTheCentre() {
            model.setTimeline(TimelineSamples.running(3));
            model.setViewportWidth(1000);
            model.followNowProperty().set(false);

            model.zoomIn();
            assertThat(model.secondsPerPixelProperty().get()).isCloseTo(1.2 / 1.5, within(1e-9));
            assertThat(model.viewStartProperty().get()).isCloseTo(600 - 500 * 0.8, within(1e-9));

            model.zoomOut();
            assertThat(model.secondsPerPixelProperty().get()).isCloseTo(1.2, within(1e-9));
        }

        @Test
        void zoomStaysWithinItsLimits() {
            model.setTimeline(TimelineSamples.running(3));
            model.setViewportWidth(1000);

            model.zoomAt(1e6, 0);
            assertThat(model.secondsPerPixelProperty().get()).isEqualTo(TimelineViewModel.MAX_SECONDS_PER_PIXEL);
            model.zoomAt(1e-9, 0);
            assertThat(model.secondsPerPixelProperty().get()).isEqualTo(TimelineViewModel.MIN_SECONDS_PER_PIXEL);
        }

        @Test
        void scrollingStopsAtTheRunsStartAndJustPastItsEnd() {
            model.setTimeline(TimelineSamples.fanOut(100, RunState.SUCCEEDED));
            model.setViewportWidth(1000);
            model.zoomAt(0.1, 0);

            model.scrollBy(-10_000);
            assertThat(model.viewStartProperty().get()).isZero();

            model.scrollBy(1_000_000);
            assertThat(model.x(T0.plusSeconds(160))).isCloseTo(900, within(1e-6));
        }

        @Test
        void anotherRunIsFittedAgainWhileUpdatesOfTheSameRunKeepTheZoom() {
            model.setTimeline(TimelineSamples.running(3));
            model.setViewportWidth(1000);
            model.zoomIn();
            double zoomed = model.secondsPerPixelProperty().get();

            model.setTimeline(TimelineSamples.running(4));
            assertThat(model.secondsPerPixelProperty().get()).isEqualTo(zoomed);

            model.setTimeline(TimelineSamples.fanOut(100, RunState.SUCCEEDED));
            assertThat(model.secondsPerPixelProperty().get()).isCloseTo(160 / 900.0, within(1e-9));
        }
    }

    @Nested
    class FollowNow {

        @BeforeEach
        void showRunningRun() {
            model.setTimeline(TimelineSamples.running(3));
            model.setViewportWidth(1000);
        }

        @Test
        void followingKeepsTheNowLineInViewAsTimePasses() {
            assertThat(model.followNowProperty().get()).isTrue();

            clock.set(T0.plusSeconds(1200));
            assertThat(model.tick()).isTrue();

            assertThat(model.x(T0.plusSeconds(1200))).isCloseTo(900, within(1e-6));
            assertThat(model.viewStartProperty().get()).isCloseTo(120, within(1e-6));
        }

        @Test
        void scrollingBackSwitchesFollowingOff() {
            clock.set(T0.plusSeconds(1200));
            model.tick();

            model.scrollBy(-50);
            clock.advance(Duration.ofSeconds(60));
            model.tick();

            assertThat(model.followNowProperty().get()).isFalse();
            assertThat(model.viewStartProperty().get()).isCloseTo(60, within(1e-6));
        }

        @Test
        void scrollingForwardKeepsFollowing() {
            model.zoomIn();
            model.scrollBy(50);

            assertThat(model.followNowProperty().get()).isTrue();
        }

        @Test
        void switchingFollowingBackOnBringsTheNowLineBack() {
            clock.set(T0.plusSeconds(1200));
            model.tick();
            model.scrollBy(-100);
            clock.advance(Duration.ofSeconds(60));
            model.tick();

            model.followNowProperty().set(true);

            assertThat(model.x(T0.plusSeconds(1260))).isCloseTo(900, within(1e-6));
        }

        @Test
        void anIdleTickDrawsNothing() {
            assertThat(model.tick()).isFalse();

            clock.advance(Duration.ofMillis(1100));
            assertThat(model.tick()).isTrue();
        }

        @Test
        void anEndedRunNeitherTicksNorFollows() {
            model.setTimeline(TimelineSamples.fanOut(10, RunState.SUCCEEDED));
            long revision = model.revisionProperty().get();

            clock.advance(Duration.ofMinutes(5));

            assertThat(model.tick()).isFalse();
            assertThat(model.revisionProperty().get()).isEqualTo(revision);
            assertThat(model.runningProperty().get()).isFalse();
        }
    }

    @Nested
    class OperatorRevision {

        @Test
        void theRunsUpdatesAndTheClockChangeTheRevisionButNotTheOperatorRevision() {
            model.setViewportWidth(900);
            model.setTimeline(TimelineSamples.running(24));
            long revision = model.revisionProperty().get();
            long operator = model.operatorRevision();

            model.setTimeline(TimelineSamples.running(25));
            clock.advance(Duration.ofSeconds(2));
            assertThat(model.tick()).isTrue();

            assertThat(model.revisionProperty().get()).isGreaterThan(revision);
            assertThat(model.operatorRevision()).isEqualTo(operator);
        }

        @Test
        void selectingZoomingScrollingAndExpandingChangeTheOperatorRevision() {
            model.setViewportWidth(900);
            model.setTimeline(TimelineSamples.running(24));
            List<Runnable> operatorActions = List.of(() -> model.selectRow(1), model::zoomIn,
                    () -> model.scrollBy(-40), () -> model.expand(RowId.step(COPY_TABLES)), model::collapseAll,
                    () -> model.followNowProperty().set(!model.followNowProperty().get()),
                    () -> model.setViewportWidth(800));
            for (Runnable action : operatorActions) {
                long before = model.operatorRevision();

                action.run();

                assertThat(model.operatorRevision()).isGreaterThan(before);
            }
        }
    }

    @Nested
    class ElapsedText {

        @Test
        void aRunningRunSaysHowLongItHasRunAndHowLongItUsuallyTakes() {
            model.setTimeline(TimelineSamples.running(3));

            assertThat(model.elapsedTextProperty().get()).isEqualTo("12 min 04 s elapsed · usually 18 min");
        }

        @Test
        void aRunPastItsUsualDurationSaysByHowMuch() {
            model.setTimeline(TimelineSamples.running(3));
            clock.set(T0.plusSeconds(20 * 60));
            model.tick();

            assertThat(model.elapsedTextProperty().get())
                    .isEqualTo("20 min 00 s elapsed · usually 18 min · 2 min over");
        }

        @Test
        void anEndedRunSaysHowLongItTook() {
            model.setTimeline(TimelineSamples.fanOut(100, RunState.SUCCEEDED));

            assertThat(model.elapsedTextProperty().get()).isEqualTo("took 2 min 40 s");
        }

        @Test
        void aRunWithoutAStartSaysSo() {
            model.setTimeline(new RunTimeline("r", RunOrigin.CONSOLE, "DEV", RunState.PENDING, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of()));

            assertThat(model.elapsedTextProperty().get()).isEqualTo("not started yet");
        }

        @Test
        void notesAndTheOriginalRunAreShownAboveTheLanes() {
            model.setTimeline(new RunTimeline("r", RunOrigin.FABRIC, "DEV", RunState.SUCCEEDED, Optional.of(T0),
                    Optional.of(T0.plusSeconds(60)), Optional.of("run-0800"), Optional.empty(),
                    List.of("child runs matched by time window"), Optional.empty(), List.of()));

            assertThat(model.notesTextProperty().get())
                    .isEqualTo("Re-run of run-0800 · child runs matched by time window");
        }
    }

    private static RunTimeline oneStage(StepRow step) {
        StageLane lane = new StageLane(1, step.key().stage(), step.state(), Optional.of(T0), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(step));
        return new RunTimeline("one-" + step.key().path(), RunOrigin.CONSOLE, "DEV", RunState.RUNNING,
                Optional.of(T0), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                List.of(lane));
    }

    private static RunTimeline justStarted() {
        StepRow lookup = Steps.step(T0, StepKey.of("Initialisation", "Resolve"), "Lookup").runningAttempt(0, null)
                .state(StepState.RUNNING).build();
        return oneStage(lookup);
    }
}
