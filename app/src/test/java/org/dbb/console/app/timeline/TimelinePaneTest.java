package org.dbb.console.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbb.console.app.timeline.TimelineSamples.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.pages.TimelineScreen;

@ExtendWith(ApplicationExtension.class)
class TimelinePaneTest {

    private static final int ITEMS = 200;

    private final MutableClock clock = new MutableClock(T0.plus(TimelineSamples.NOW));
    private final List<String> copied = new ArrayList<>();
    private TimelinePane pane;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        pane = new TimelinePane(new TimelineViewModel(clock),
                new StepDetailViewModel(clock, step -> Optional.empty(), link -> { }, copied::add));
        pane.show(TimelineSamples.running(ITEMS));
        stage.setScene(new Scene(pane, 1200, 780));
        stage.show();
    }

    @Test
    void aSixStageRunShowsItsLanesAndTopLevelSteps(FxRobot robot) throws Exception {
        TimelineScreen screen = new TimelineScreen(robot).waitUntilShown();

        assertThat(screen.visibleRows()).containsExactly("1 · Initialisation", "Resolve environment metadata",
                "Set workspace ids", "2 · Integration", "Copy source tables", "Run integration pipeline",
                "3 · Transformation", "Run transformation pipeline", "4 · Monitoring", "Check load completeness",
                "5 · Maintenance", "Run maintenance if requested", "6 · Semantic refresh",
                "Refresh semantic models");
        assertThat(screen.elapsed()).isEqualTo("12 min 04 s elapsed · usually 18 min");
    }

    @Test
    void aFanOutOf200ItemsExpandsAndScrollsToItsLastItem(FxRobot robot) throws Exception {
        TimelineScreen screen = new TimelineScreen(robot).waitUntilShown();

        screen.expand("Copy source tables");
        assertThat(screen.visibleRows()).containsSubsequence("Copy source tables", "[0] dbo.customers",
                "[1] dbo.orders");

        screen.scrollToBottom();
        List<String> rows = screen.visibleRows();
        assertThat(rows).contains("[199] dbo.payments_16").endsWith("Refresh semantic models")
                .doesNotContain("[0] dbo.customers");

        assertThat(screen.scrollOffset()).isPositive();
        screen.select("[199] dbo.payments_16");
        assertThat(screen.detailTitle()).isEqualTo("[199] dbo.payments_16");
    }

    @Test
    void selectingAFailedStepShowsItsErrorCodeAndRequestId(FxRobot robot) throws Exception {
        TimelineScreen screen = new TimelineScreen(robot).waitUntilShown();

        screen.expand("Refresh semantic models").select("Finance");

        assertThat(screen.errorShown()).isTrue();
        assertThat(screen.errorCode()).isEqualTo(TimelineSamples.FINANCE_ERROR_CODE);
        assertThat(screen.requestId()).isEqualTo(TimelineSamples.FINANCE_REQUEST_ID);
    }

    @Test
    void aWaitingStepsBarTooltipNamesWhatItWaitsFor(FxRobot robot) throws Exception {
        TimelineScreen screen = new TimelineScreen(robot).waitUntilShown();
        screen.expand("Refresh semantic models");

        String tip = screen.hover(RowId.step(TimelineSamples.OPERATIONS), T0.plusSeconds(715));

        assertThat(tip).isEqualTo("Power BI is already refreshing Operations (a scheduled refresh); "
                + "waiting to attach · 24 s so far");
    }

    @Test
    void keyboardMovesTheSelectionAndZoomButtonsChangeTheScale(FxRobot robot) throws Exception {
        TimelineScreen screen = new TimelineScreen(robot).waitUntilShown();
        TimelineViewModel model = pane.timelineView().model();
        double fitted = model.secondsPerPixelProperty().get();

        screen.press(KeyCode.END);
        assertThat(screen.detailTitle()).isEqualTo("Refresh semantic models");
        screen.press(KeyCode.UP);
        assertThat(screen.detailTitle()).isEqualTo("6 · Semantic refresh");

        screen.zoomIn();
        assertThat(model.secondsPerPixelProperty().get()).isLessThan(fitted);
        screen.fit();
        assertThat(model.secondsPerPixelProperty().get()).isEqualTo(fitted);
    }
}
