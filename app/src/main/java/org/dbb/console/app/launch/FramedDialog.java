package org.dbb.console.app.launch;

import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A launch-style dialog living in a {@link DialogWindow}: opening, closing and the window, shared by the launch and
 * re-run dialogs, which build their content and hand the frame over once. Create and use on the FX thread.
 */
public abstract class FramedDialog {

    private DialogWindow window;

    /** Called once from the subclass's constructor, when its content is built. */
    final void frame(DialogWindow framed) {
        this.window = framed;
    }

    /** Opens the dialog modal to {@code owner} (the console window) and returns at once. */
    public void show(Window owner) {
        window.show(owner);
    }

    /** Closes the dialog; a run previewed and not started is closed with it. */
    public void close() {
        window.close();
    }

    /** The dialog's window, e.g. to wait for it to close. */
    public Stage stage() {
        return window.stage();
    }
}
