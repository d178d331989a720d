package org.dbb.console.app.pages;

import java.util.List;

import javafx.scene.Node;

import org.testfx.api.FxRobot;

import org.dbb.console.app.launch.LaunchDialog;

/** Page object for the launch dialog: what a test may read or do there, without knowing the layout. */
public final class LaunchDialogScreen {

    private final DialogLookups dialog;

    public LaunchDialogScreen(FxRobot robot) {
        this.dialog = new DialogLookups(robot);
    }

    /** Waits until the parameters are shown and can be edited. */
    public LaunchDialogScreen waitUntilLoaded() {
        dialog.waitFor(() -> dialog.find("#" + LaunchDialog.ROOT_ID).isPresent()
                && dialog.find("#param-environment").map(Node::isDisabled).filter(d -> !d).isPresent());
        return this;
    }

    /** Types {@code text} into the field of parameter {@code name}, replacing what it held. */
    public LaunchDialogScreen typeParameter(String name, String text) {
        dialog.type("#param-" + name, text);
        return this;
    }

    /** The inline message under parameter {@code name}; empty when its value is fine. */
    public String parameterMessage(String name) {
        return dialog.text("#param-" + name + "-message");
    }

    /** Clicks Preview and waits until the plan or its problems are shown. */
    public LaunchDialogScreen preview() {
        dialog.click("#" + LaunchDialog.PREVIEW_ID);
        return this;
    }

    /** Clicks Preview and waits until the plan or its problems are shown. */
    public LaunchDialogScreen previewAndWait() {
        preview();
        dialog.waitForPreview();
        return this;
    }

    public boolean previewEnabled() {
        return dialog.enabled("#" + LaunchDialog.PREVIEW_ID);
    }

    public boolean launchEnabled() {
        return dialog.enabled("#" + LaunchDialog.LAUNCH_ID);
    }

    public void launch() {
        dialog.click("#" + LaunchDialog.LAUNCH_ID);
    }

    /** The stages of the previewed plan, as {@code Stage 1 · Initialisation — 5 steps}. */
    public List<String> stages() {
        return dialog.stages();
    }

    /** The sentence at the bottom of the dialog: what it waits for or why it cannot go on. */
    public String status() {
        return dialog.text("#" + LaunchDialog.STATUS_ID);
    }

    /** Whether the dialog is still open. */
    public boolean isOpen() {
        return dialog.present("#" + LaunchDialog.ROOT_ID);
    }
}
