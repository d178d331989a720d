package org.dbb.console.core.problem;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about one input file, positioned by line and column (1-based; 0 when unknown) and, for JSON, by
 * JSON path. Immutable and thread-safe.
 *
 * @param file     the file the problem is in
 * @param line     1-based line, or 0 when the problem concerns the whole file
 * @param column   1-based column, or 0 when unknown
 * @param severity error or warning
 * @param message  what is wrong and what to do about it
 * @param jsonPath the JSON path of the offending value, when the file is JSON; otherwise empty
 */
public record Problem(Path file, int line, int column, Severity severity, String message, Optional<String> jsonPath) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(jsonPath, "jsonPath");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public static Problem error(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.ERROR, message, Optional.empty());
    }

    public static Problem warning(Path file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.WARNING, message, Optional.empty());
    }

    public static Problem errorAt(Path file, int line, int column, String jsonPath, String message) {
        return new Problem(file, line, column, Severity.ERROR, message, Optional.of(jsonPath));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The stable one-line form scripts parse: {@code path:line:col: error|warning: message}. The JSON path, when
     * known, is appended to the message as {@code (at $.a.b)}.
     */
    public String format(Path relativeTo) {
        Path shown = relativeTo != null && file.isAbsolute() && file.startsWith(relativeTo)
                && !file.equals(relativeTo)
                ? relativeTo.relativize(file)
                : file;
        String where = jsonPath.map(p -> " (at " + p + ")").orElse("");
        return shown + ":" + line + ":" + column + ": " + severity.label() + ": " + message + where;
    }

    @Override
    public String toString() {
        return format(null);
    }
}
