package org.dbb.console.app.params.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.ParameterMatrixScreen;
import org.dbb.console.app.pages.ParameterToolsScreen;
import org.dbb.console.app.pages.ParameterToolsScreen.Widths;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterPageFactory;
import org.dbb.console.app.params.ParameterPageTestBase;
import org.dbb.console.app.params.entries.EntryTools;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.StandingDialogs;

/**
 * The Parameters page as the console window builds it (entry tools, GUID coverage, find value tester), beside the
 * window's navigation, in the window's default size and then its minimum size: an opened helper panel keeps the
 * page inside the window, takes a sensible part of it, and leaves the matrix scrolling sideways in its own area.
 */
class ParameterToolsWidthPageTest extends ParameterPageTestBase {

    /** The console window's size when it first opens, and the smallest it lets the operator make it. */
    private static final double DEFAULT_WIDTH = 1360;
    private static final double DEFAULT_HEIGHT = 860;
    private static final double MINIMUM_WIDTH = 900;
    private static final double MINIMUM_HEIGHT = 560;
    /** Layout rounds to whole pixels. */
    private static final double PIXEL = 1;

    private Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        ConsoleSession session = sessionOn(openFreshSample(), "PROD");
        StandingDialogs dialogs = new StandingDialogs();
        ParameterEditing core = ParameterEditing.standalone();
        showBesideNavigation(stage, ParameterPageFactory.page(matrix(core, session, dialogs), m -> new EntryTools(m,
                core, dialogs, background, DelayedExecutor.on(background), new FxExecutor()), parameterTools(session)),
                DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** The window is shared by every test class of the run: the next one's scene gives it its size again. */
    @AfterEach
    void forgetTheResizedWindowSize(FxRobot robot) {
        robot.interact(window::sizeToScene);
    }

    @Test
    void theCoverageListOpensBesideAMatrixThatScrollsInsteadOfPushingThePagePastTheWindow(FxRobot robot)
            throws Exception {
        new ParameterMatrixScreen(robot).waitUntilLoaded();
        ParameterToolsScreen tools = new ParameterToolsScreen(robot).openCoverage();

        Widths wide = tools.widths();
        assertInsideTheWindow(wide);
        assertThat(wide.panel() / wide.split()).as("the panel's part of the page").isBetween(0.33, 0.42);
        assertThat(wide.matrixRight()).as("the matrix ends where the panel begins").isLessThanOrEqualTo(
                wide.panelLeft() + PIXEL);
        assertThat(wide.matrixScrolls()).as("the matrix scrolls sideways").isTrue();

        Widths narrow = tools.resizeWindow(MINIMUM_WIDTH, MINIMUM_HEIGHT).widths();
        assertInsideTheWindow(narrow);
        assertThat(narrow.scene()).isCloseTo(MINIMUM_WIDTH, within(PIXEL));
        assertThat(narrow.panel()).as("the panel keeps a readable width").isGreaterThanOrEqualTo(330 - PIXEL);
        assertThat(narrow.panelLeft() - NAVIGATION_WIDTH).as("the matrix keeps room beside it").isGreaterThan(300);

        Widths wideAgain = tools.resizeWindow(DEFAULT_WIDTH, DEFAULT_HEIGHT).widths();
        assertThat(wideAgain.panel()).as("the panel's width after the window grows back")
                .isCloseTo(wide.panel(), within(2 * PIXEL));
    }

    @Test
    void theTesterAndTheAddEntryFormBothOpenStayInsideTheWindowDownToItsMinimumSize(FxRobot robot) throws Exception {
        ParameterMatrixScreen matrix = new ParameterMatrixScreen(robot).waitUntilLoaded();
        ParameterToolsScreen tools = new ParameterToolsScreen(robot).openTester();
        tools.waitForTesterSummary(s -> s.startsWith("3 matches"));
        matrix.openAddEntry("find_replace");

        assertInsideTheWindow(tools.widths());
        assertInsideTheWindow(tools.resizeWindow(MINIMUM_WIDTH, MINIMUM_HEIGHT).widths());
    }

    private static void assertInsideTheWindow(Widths widths) {
        assertThat(widths.pageRight()).as("the page's right edge").isLessThanOrEqualTo(widths.scene() + PIXEL);
        assertThat(widths.panelRight()).as("the panel's right edge").isLessThanOrEqualTo(widths.scene() + PIXEL);
        assertThat(widths.buttonsRight()).as("the helper buttons' right edge")
                .isLessThanOrEqualTo(widths.scene() + PIXEL);
    }
}
