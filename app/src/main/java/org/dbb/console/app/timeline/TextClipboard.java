package org.dbb.console.app.timeline;

/** Puts text on the operator's clipboard (error details, ids). Called on the FX thread. */
@FunctionalInterface
public interface TextClipboard {

    void copy(String text);
}
