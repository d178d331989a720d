package org.dbb.console.app.pages;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

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
    public RunHistoryEntry waitForHistoryEntry(Predicate<RunHistoryEntry> wanted, int seconds)
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
        confirmWith(confirmLabel);
    }

    /** Asks to re-run the shown console run and returns the re-run dialog once it has loaded. */
    public RerunDialogScreen rerun() {
        robot.clickOn("#" + RunsView.RERUN_ID);
        return new RerunDialogScreen(robot).waitUntilLoaded();
    }

    /** Asks for the re-run dialog as the operator's shortcut does (Ctrl+Shift+R), and returns it once loaded. */
    public RerunDialogScreen rerunByShortcut() {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        return new RerunDialogScreen(robot).waitUntilLoaded();
    }

    /** Whether Resume is offered for the run selected in the history. */
    public boolean resumeEnabled() throws Exception {
        return onFx(() -> !robot.lookup("#" + RunsView.RESUME_ID).query().isDisabled());
    }

    /** Resumes the interrupted run selected in the history and confirms it in the dialog that asks. */
    public void resumeAndConfirm() throws Exception {
        robot.clickOn("#" + RunsView.RESUME_ID);
        confirmWith("Resume");
    }

    /** The sentence under the headline: what the page is reading, or why an action cannot go on. */
    public String message() throws Exception {
        return onFx(() -> robot.lookup("#" + RunsView.MESSAGE_ID).queryAs(Label.class).getText());
    }

    private void confirmWith(String label) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> buttonLabelled(label).isPresent()));
        robot.clickOn(onFx(() -> buttonLabelled(label).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A button of the confirmation dialog on top: the page has buttons with the same words (Resume). */
    private Optional<Button> buttonLabelled(String label) {
        return robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(n -> n.isVisible() && n instanceof Button b && label.equals(b.getText()))
                .map(Button.class::cast).findFirst();
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
        waitForHeadlineThat(seconds, "said \"" + text + "\"", headline -> headline.contains(text));
    }

    public String headline() throws Exception {
        return onFx(() -> robot.lookup("#" + RunsView.HEADLINE_ID).queryAs(Label.class).getText());
    }

    /** Waits until the headline says the run ended, and returns it. */
    public String waitUntilEnded(int seconds) throws Exception {
        waitForHeadlineThat(seconds, "says a run ended", RunsScreen::ended);
        return headline();
    }

    /** Waits until the headline says a run other than {@code earlierRunId} ended, and returns it. */
    public String waitUntilAnotherRunEnded(String earlierRunId, int seconds) throws Exception {
        waitForHeadlineThat(seconds, "says a run other than " + earlierRunId + " ended",
                text -> ended(text) && !runIdOf(text).equals(earlierRunId));
        return headline();
    }

    private void waitForHeadlineThat(int seconds, String what, Predicate<String> wanted)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> wanted.test(headline()));
        } catch (TimeoutException e) {
            throw new AssertionError("the headline never " + what + " in " + seconds + " s; it says \""
                    + headline() + "\" and below it \"" + message() + "\"", e);
        }
    }

    /** The run id a headline names ({@code Run <id> …}). */
    public static String runIdOf(String headline) {
        String[] words = headline.split(" ");
        return words.length > 1 && words[0].equals("Run") ? words[1] : "";
    }

    private static boolean ended(String headline) {
        return headline.contains(" succeeded after ") || headline.contains(" failed after ")
                || headline.contains(" was cancelled after ");
    }

    @SuppressWarnings("unchecked")
    public List<RunHistoryEntry> history() throws Exception {
        return onFx(() -> List.copyOf(robot.lookup("#" + RunsView.HISTORY_ID).queryAs(ListView.class).getItems()));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
