package org.dbb.console.app.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.dbb.console.app.dialogs.Dialogs;

/**
 * Answers the console's questions from a script and remembers what was asked and shown. A question without a
 * scripted answer fails the test. Not thread-safe; use from the thread that asks (the FX thread in screen tests).
 */
public final class ScriptedDialogs implements Dialogs {

    private final Deque<String> typedNames = new ArrayDeque<>();
    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** The next typed-name question is answered by typing {@code text} and confirming. */
    public ScriptedDialogs typeName(String text) {
        typedNames.add(text);
        return this;
    }

    /** The next yes/no question is answered {@code yes}. */
    public ScriptedDialogs answer(boolean yes) {
        confirmations.add(yes);
        return this;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        asked.add(title + ": " + message);
        if (confirmations.isEmpty()) {
            throw new AssertionError("unexpected question: " + title + ": " + message);
        }
        return confirmations.poll();
    }

    @Override
    public boolean confirmTypedName(String title, String message, String expectedName) {
        asked.add(title + ": " + message);
        if (typedNames.isEmpty()) {
            throw new AssertionError("unexpected typed-name question: " + title + ": " + message);
        }
        return typedNames.poll().equals(expectedName);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription,
                                         String extension) {
        throw new AssertionError("unexpected save-file question: " + title);
    }

    /** Every question asked, as {@code title: message}, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** Every error shown, as {@code title: message}, in order. */
    public List<String> errors() {
        return List.copyOf(errors);
    }
}
