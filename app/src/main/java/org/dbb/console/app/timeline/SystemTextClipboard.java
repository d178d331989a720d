package org.dbb.console.app.timeline;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard as a {@link TextClipboard}. Use on the FX thread. */
public final class SystemTextClipboard implements TextClipboard {

    @Override
    public void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
