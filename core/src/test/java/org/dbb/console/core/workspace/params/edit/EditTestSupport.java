package org.dbb.console.core.workspace.params.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dbb.console.core.files.TextFile;

/** Builds small parameter.yml texts line by line and runs edits on them in memory. Stateless. */
final class EditTestSupport {

    static final Path FILE = Path.of("parameter.yml");

    private EditTestSupport() {
    }

    /** The lines joined with LF, ending with a final LF. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** The lines joined with CRLF, ending with a final CRLF. */
    static String crlfLines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** {@code lines} with line {@code number} (1-based) replaced by {@code replacement}. */
    static String[] replaceLine(String[] lines, int number, String replacement) {
        String[] copy = lines.clone();
        copy[number - 1] = replacement;
        return copy;
    }

    /** {@code lines} with {@code inserted} placed after line {@code number} (1-based; 0 inserts first). */
    static String[] insertAfter(String[] lines, int number, String... inserted) {
        List<String> copy = new ArrayList<>(Arrays.asList(lines));
        copy.addAll(number, Arrays.asList(inserted));
        return copy.toArray(String[]::new);
    }

    /** {@code lines} without lines {@code from} to {@code to} (1-based, inclusive). */
    static String[] removeLines(String[] lines, int from, int to) {
        List<String> copy = new ArrayList<>(Arrays.asList(lines));
        copy.subList(from - 1, to).clear();
        return copy.toArray(String[]::new);
    }

    static EditResult run(String text, ParameterFileEdit edit) {
        return new ParameterFileEditor().edit(new TextFile(FILE, false, text), edit);
    }

    static String edit(String text, ParameterFileEdit edit) {
        return run(text, edit).file().text();
    }
}
