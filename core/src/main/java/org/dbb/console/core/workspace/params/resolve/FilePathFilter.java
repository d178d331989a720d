package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.dbb.console.core.problem.Severity;

/**
 * Turns the {@code file_path} values of one entry into the set of files they select, as fabric-cicd 1.3.0's
 * {@code process_input_path} does. A value without {@code *}, {@code ?} or {@code [} is a path relative to the
 * repository directory (a leading {@code /} or {@code \} is stripped first) that must name an existing file inside
 * the repository; any other value is a wildcard, checked by fabric-cicd's syntax rules and globbed from the
 * repository directory with {@link PythonGlob}. Values that select nothing contribute nothing: a list that selects
 * no file at all means the entry replaces nothing (not "no filter"). Immutable and thread-safe.
 */
public final class FilePathFilter {

    private static final Pattern BRACE_LIST = Pattern.compile("\\{[^{}]*,[^{}]*\\}");

    private final Path root;

    /** A filter for the repository at {@code repositoryDirectory} (fabric-cicd's {@code repository_directory}). */
    public FilePathFilter(Path repositoryDirectory) {
        this.root = repositoryDirectory.toAbsolutePath().normalize();
    }

    /** The files {@code values} select, with what fabric-cicd logs about each value that selects nothing. */
    public Selection select(List<String> values) {
        Set<Path> files = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (String value : values) {
            int before = files.size();
            int noted = findings.size();
            if (PythonGlob.hasMagic(value)) {
                wildcard(value, files, findings);
            } else {
                regular(value, files, findings);
            }
            boolean rejected = findings.subList(noted, findings.size()).stream()
                    .anyMatch(f -> f.severity() == Severity.ERROR);
            if (files.size() == before && !rejected && BRACE_LIST.matcher(value).find()) {
                findings.add(new Finding(Severity.WARNING, value, "'" + value + "' uses {a,b}, but fabric-cicd"
                        + " (Python pathlib) has no brace expansion and matches the braces literally; write one"
                        + " file_path value per alternative instead"));
            }
        }
        return new Selection(List.copyOf(values), files, findings);
    }

    private void regular(String value, Set<Path> files, List<Finding> findings) {
        String stripped = stripLeadingSeparators(value);
        Path resolved;
        String kind;
        if (isAbsolute(stripped)) {
            kind = "Absolute";
            resolved = Path.of(stripped).toAbsolutePath().normalize();
        } else {
            kind = "Relative";
            // On Windows runners "\" separates folders; treating it so keeps one meaning for one parameter.yml.
            resolved = root.resolve(stripped.replace('\\', '/')).normalize();
        }
        if (!resolved.startsWith(root)) {
            findings.add(new Finding(Severity.ERROR, value, kind + " path '" + stripped
                    + "' is outside the repository directory"));
            return;
        }
        if (!Files.exists(resolved)) {
            String hint = "";
            if (!value.equals(stripped) && value.startsWith("/") && Files.isRegularFile(Path.of(value))) {
                hint = " (fabric-cicd strips the leading '/' and reads the rest relative to the repository"
                        + " directory; write the path relative to it)";
            }
            findings.add(new Finding(Severity.WARNING, value, kind + " path '" + stripped + "' does not exist"
                    + hint));
            return;
        }
        if (!Files.isRegularFile(resolved)) {
            findings.add(new Finding(Severity.WARNING, value, kind + " path '" + stripped + "' is not a file"));
            return;
        }
        files.add(resolved);
        if (value.indexOf('\\') >= 0) {
            findings.add(new Finding(Severity.WARNING, value, "'" + value + "' uses '\\' as a separator; fabric-cicd"
                    + " on Linux or macOS reads it as part of a file name, so use '/'"));
        }
    }

    private void wildcard(String value, Set<Path> files, List<Finding> findings) {
        String normalized = value.replace('\\', '/');
        var rejected = WildcardPatternRules.rejection(normalized);
        if (rejected.isPresent()) {
            findings.add(new Finding(Severity.ERROR, value, rejected.get()));
            return;
        }
        String pattern = normalized;
        if (!normalized.startsWith("**/") && isAbsolute(normalized)) {
            Path absolute = Path.of(normalized);
            if (!absolute.startsWith(root)) {
                findings.add(new Finding(Severity.ERROR, value, "Invalid absolute wildcard path. '" + value
                        + "' is outside the repository directory"));
                return;
            }
            pattern = root.relativize(absolute).toString().replace('\\', '/');
        }
        Set<Path> matched;
        try {
            matched = PythonGlob.glob(root, pattern);
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(Severity.ERROR, value, "Error processing wildcard pattern '" + pattern + "': "
                    + e.getMessage()));
            return;
        }
        int before = files.size();
        for (Path path : matched) {
            Path normalizedPath = path.toAbsolutePath().normalize();
            if (Files.isRegularFile(normalizedPath) && normalizedPath.startsWith(root)) {
                files.add(normalizedPath);
            }
        }
        if (files.size() == before) {
            findings.add(new Finding(Severity.WARNING, value, "Wildcard path '" + value
                    + "' did not match any files"));
        }
    }

    private static String stripLeadingSeparators(String value) {
        int i = 0;
        while (i < value.length() && (value.charAt(i) == '/' || value.charAt(i) == '\\')) {
            i++;
        }
        return value.substring(i);
    }

    private static boolean isAbsolute(String value) {
        try {
            return Path.of(value).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * What one entry's {@code file_path} list selects. Immutable.
     *
     * @param values   the values as written
     * @param files    the selected files (absolute, normalised); empty means the entry replaces nothing
     * @param findings why values selected nothing, or were rejected
     */
    public record Selection(List<String> values, Set<Path> files, List<Finding> findings) {

        public Selection {
            values = List.copyOf(values);
            files = Collections.unmodifiableSet(new LinkedHashSet<>(files));
            findings = List.copyOf(findings);
        }

        /** Whether {@code file} (absolute) is one of the selected files. */
        public boolean contains(Path file) {
            return files.contains(file.toAbsolutePath().normalize());
        }

        /**
         * fabric-cicd's count of "invalid or not found" values: list size minus selected files (a wildcard that
         * selects several files can hide an invalid value, exactly as in fabric-cicd).
         */
        public int invalidCount() {
            return Math.max(0, values.size() - files.size());
        }
    }

    /**
     * One message about one {@code file_path} value. Immutable.
     *
     * @param severity {@code ERROR} for values fabric-cicd rejects, {@code WARNING} for values that select nothing
     * @param value    the value as written
     * @param message  fabric-cicd's wording where it has one
     */
    public record Finding(Severity severity, String value, String message) {
    }
}
