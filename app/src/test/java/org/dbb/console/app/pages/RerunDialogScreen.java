package org.dbb.console.app.pages;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;

import org.testfx.api.FxRobot;

import org.dbb.console.app.launch.RerunDialog;
import org.dbb.console.core.plan.RerunMode;

/** Page object for the re-run dialog: what a test may read or do there, without knowing the layout. */
public final class RerunDialogScreen {

    private final DialogLookups dialog;

    public RerunDialogScreen(FxRobot robot) {
        this.dialog = new DialogLookups(robot);
    }

    /** Waits until the original's parameters are shown and can be edited. */
    public RerunDialogScreen waitUntilLoaded() {
        dialog.waitFor(() -> dialog.find("#" + RerunDialog.ROOT_ID).isPresent()
                && dialog.find("#param-environment").map(Node::isDisabled).filter(d -> !d).isPresent());
        return this;
    }

    /** The original run's link text. */
    public String originalRun() {
        return DialogLookups.onFx(() -> dialog.<Hyperlink>node("#" + RerunDialog.ORIGINAL_ID).getText());
    }

    /** The stage chosen. */
    public String stage() {
        return DialogLookups.onFx(() -> dialog.<ComboBox<String>>node("#" + RerunDialog.STAGE_ID).getValue());
    }

    public RerunDialogScreen chooseMode(RerunMode mode) {
        dialog.click("#" + RerunDialog.modeId(mode));
        return this;
    }

    public boolean modeEnabled(RerunMode mode) {
        return DialogLookups.onFx(() -> !dialog.node("#" + RerunDialog.modeId(mode)).isDisabled());
    }

    /** Clicks Preview and waits until the plan or its problems are shown. */
    public RerunDialogScreen previewAndWait() {
        dialog.click("#" + RerunDialog.PREVIEW_ID);
        dialog.waitForPreview();
        return this;
    }

    /** The stages of the previewed re-run, as {@code Stage 1 · Initialisation — reused from run …}. */
    public List<String> stages() {
        return dialog.stages();
    }

    public boolean rerunEnabled() {
        return dialog.enabled("#" + RerunDialog.RERUN_ID);
    }

    /** Clicks Re-run and waits until the dialog has closed on the run it started. */
    public void rerun() {
        dialog.click("#" + RerunDialog.RERUN_ID);
        dialog.waitFor(() -> !dialog.present("#" + RerunDialog.ROOT_ID));
    }
}
