package org.dbb.console.app.dialogs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every question the console asks the operator and every message box it shows, behind one interface so view models
 * ask through it and tests answer by script. Implementations block until answered; call on the FX thread.
 */
public interface Dialogs {

    /** Asks a yes/no question; true when the operator chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * The protected-environment guard: true only when the operator typed {@code expectedName} exactly and confirmed.
     */
    boolean confirmTypedName(String title, String message, String expectedName);

    /** Shows a failure the operator must read: what went wrong and what to do. */
    void showError(String title, String message);

    /** Asks where to save a file, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String filterDescription, String extension);
}
