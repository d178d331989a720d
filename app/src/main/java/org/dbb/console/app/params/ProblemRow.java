package org.dbb.console.app.params;

import java.util.Objects;

/**
 * One problem the validator reported, as the problems list shows it. Immutable.
 *
 * @param error     whether fabric-cicd would refuse the file (else a warning)
 * @param file      the file, relative to the repository directory
 * @param line      1-based line, 0 when the problem concerns the whole file
 * @param column    1-based column, 0 when unknown
 * @param message   the validator's message, exactly as {@code dbb params check} prints it
 */
public record ProblemRow(boolean error, String file, int line, int column, String message) {

    public ProblemRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code line:col}, as an editor's go-to-line takes it. */
    public String location() {
        return line + ":" + column;
    }

    /** The line {@code dbb params check} prints: {@code file:line:col: error|warning: message}. */
    public String formatted() {
        return file + ":" + line + ":" + column + ": " + (error ? "error" : "warning") + ": " + message;
    }
}
