package org.dbb.console.app.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.app.dialogs.Dialogs;

/** Answers every question the same standing way (configurable) and remembers what was asked. Not thread-safe. */
public final class StandingDialogs implements Dialogs {

    private boolean confirmAnswer = true;
    private String typedName;
    private final List<String> asked = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** Confirms (or refuses) every yes/no question from now on. */
    public StandingDialogs confirming(boolean answer) {
        this.confirmAnswer = answer;
        return this;
    }

    /** Types {@code name} into every typed-name guard from now on; null types nothing. */
    public StandingDialogs typing(String name) {
        this.typedName = name;
        return this;
    }

    public List<String> asked() {
        return asked;
    }

    public List<String> errors() {
        return errors;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        asked.add(title);
        return confirmAnswer;
    }

    @Override
    public boolean confirmTypedName(String title, String message, String expectedName) {
        asked.add(title);
        return expectedName.equals(typedName);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription,
                                         String extension) {
        return Optional.empty();
    }
}
