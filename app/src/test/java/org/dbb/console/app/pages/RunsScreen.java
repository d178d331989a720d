package org.dbb.console.app.pages;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.runs.RunsView;
import org.dbb.console.app.shell.ShellView;
import org.dbb.console.core.history.RunHistoryEntry;

/** Page object for the Runs page: what a test may read or do there, without knowing the layout. */
public final class RunsScreen {

    private final FxRobot robot;

    public RunsScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Shows the Runs page through the navigation. */
    public RunsScreen open() {
        robot.clickOn("#" + ShellView.PAGE_ID_PREFIX + "runs");
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public LaunchDialogScreen launch() {
        robot.clickOn("#" + RunsView.LAUNCH_ID);
        return new LaunchDialogScreen(robot).waitUntilLoaded();
    }

    /** Waits until the history lists a run matching {@code wanted}, and returns it. */
    public RunHistoryEntry waitForHistoryEntry(java.util.function.Predicate<RunHistoryEntry> wanted, int seconds)
            throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> history().stream().anyMatch(wanted));
        return history().stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Selects a run in the history, as a click on it does. */
    @SuppressWarnings("unchecked")
    public void select(RunHistoryEntry entry) throws Exception {
        onFx(() -> {
            ListView<RunHistoryEntry> list = robot.lookup("#" + RunsView.HISTORY_ID).queryAs(ListView.class);
            list.getSelectionModel().select(entry);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Asks to re-run the shown run and confirms with the dialog's {@code confirmLabel} button. */
    public void rerunAndConfirm(String confirmLabel) throws Exception {
        robot.clickOn("#" + RunsView.RERUN_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".button").queryAll().stream()
                .anyMatch(n -> n.isVisible() && n instanceof javafx.scene.control.Button b
                        && confirmLabel.equals(b.getText()))));
        javafx.scene.Node button = onFx(() -> robot.lookup(".button").queryAll().stream()
                .filter(n -> n.isVisible() && n instanceof javafx.scene.control.Button b
                        && confirmLabel.equals(b.getText())).findFirst().orElseThrow());
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Cancels the active run and confirms it in the dialog that asks. */
    public void cancelAndConfirm() {
        robot.clickOn("#" + RunsView.CANCEL_ID);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Yes, cancel it");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the headline contains {@code text}. */
    public void waitForHeadline(String text, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> headline().contains(text));
    }

    public String headline() throws Exception {
        return onFx(() -> robot.lookup("#" + RunsView.HEADLINE_ID).queryAs(Label.class).getText());
    }

    /** Waits until the headline says the run ended, and returns it. */
    public String waitUntilEnded(int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            String text = headline();
            return text.contains(" succeeded after ") || text.contains(" failed after ")
                    || text.contains(" was cancelled after ");
        });
        return headline();
    }

    @SuppressWarnings("unchecked")
    public List<RunHistoryEntry> history() throws Exception {
        return onFx(() -> List.copyOf(robot.lookup("#" + RunsView.HISTORY_ID).queryAs(ListView.class).getItems()));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
