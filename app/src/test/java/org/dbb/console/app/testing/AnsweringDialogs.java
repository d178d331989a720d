package org.dbb.console.app.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.app.dialogs.Dialogs;

/** Dialogs answered by script: every question is recorded, and answered with the answer set beforehand. */
public final class AnsweringDialogs implements Dialogs {

    private final List<String> asked = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private volatile boolean confirmAnswer = true;
    private volatile String typedName;

    /** Confirms every question; types the expected name into every typed-name guard. */
    public AnsweringDialogs() {
    }

    public AnsweringDialogs confirming(boolean answer) {
        this.confirmAnswer = answer;
        return this;
    }

    /** The name the operator types into the protected-environment guard; null types the expected one. */
    public AnsweringDialogs typing(String name) {
        this.typedName = name;
        return this;
    }

    @Override
    public synchronized boolean confirm(String title, String message, String confirmLabel) {
        asked.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public synchronized boolean confirmTypedName(String title, String message, String expectedName) {
        asked.add(title + ": " + message);
        String typed = typedName == null ? expectedName : typedName;
        return confirmAnswer && typed.equals(expectedName);
    }

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription,
                                         String extension) {
        return Optional.empty();
    }

    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
