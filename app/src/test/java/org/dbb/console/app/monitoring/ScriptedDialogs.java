package org.dbb.console.app.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.app.dialogs.Dialogs;

/** Dialogs answered by the test: the save file it was given, and a record of every error shown. Not thread-safe. */
final class ScriptedDialogs implements Dialogs {

    private Optional<Path> saveAnswer = Optional.empty();
    final List<String> errors = new ArrayList<>();
    final List<String> suggestedNames = new ArrayList<>();

    ScriptedDialogs answerSaveWith(Path file) {
        saveAnswer = Optional.of(file);
        return this;
    }

    ScriptedDialogs cancelSave() {
        saveAnswer = Optional.empty();
        return this;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        throw new AssertionError("the monitoring page asks no yes/no question: " + message);
    }

    @Override
    public boolean confirmTypedName(String title, String message, String expectedName) {
        throw new AssertionError("the monitoring page asks for no typed name: " + message);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription,
                                         String extension) {
        suggestedNames.add(suggestedName);
        return saveAnswer;
    }
}
