package org.dbb.console.core.workspace.params.resolve;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.params.FindReplaceEntry;

/**
 * One {@code find_replace} entry applied file by file, as fabric-cicd 1.3.0's {@code _replace_parameters} and
 * {@code extract_find_value} do: a {@code $workspace.} find value is resolved first; a regex must compile and have
 * exactly one capturing group (else fabric-cicd raises for every file it publishes); in a file the filters select,
 * a first match whose group 1 is empty raises; otherwise every occurrence is replaced — literally with
 * {@code str.replace} (case-insensitively when {@code ignore_case} is {@code "true"}), or group 1 only for a regex.
 * An entry that would make fabric-cicd raise is reported as an error and changes nothing. Confined to one resolver
 * run; not thread-safe (it counts what it saw for the run's summary).
 */
final class FindReplaceStep {

    private final FindReplaceEntry entry;
    private final String label;
    private final String environment;
    private final EntryFilters filters;
    private final Optional<String> value;
    private final VariableResolver variables;
    private final ProblemSink sink;
    private final Optional<String> findVariable;
    private String find;
    private Pattern pattern;
    private boolean disabled;
    private VariableResolution resolution;
    private boolean reported;
    private int filesSeen;
    private int filesFound;

    FindReplaceStep(FindReplaceEntry entry, String environment, EntryFilters filters, VariableResolver variables,
                    ProblemSink sink) {
        this.entry = entry;
        this.label = EntryLabels.numbered("find_replace", entry.number());
        this.environment = environment;
        this.filters = filters;
        this.value = entry.replaceValue().forEnvironment(environment);
        this.variables = variables;
        this.sink = sink;
        this.find = entry.findValue();
        this.findVariable = find.startsWith("$") ? Optional.of(find) : Optional.empty();
        prepareFindValue();
        if (!disabled) {
            preparePattern();
        }
    }

    private void prepareFindValue() {
        if (findVariable.isEmpty()) {
            return;
        }
        if (find.startsWith("$items.")) {
            error("Dynamic replacement variable '" + find + "' is not supported in find_value: $items resolves to"
                    + " ids in the target workspace, which never appear in the repository files");
            return;
        }
        VariableResolution found = variables.resolve(find);
        if (found.failed()) {
            error(found.message().orElse("") + " (" + label + ", find_value)");
        } else if (found.isPlaceholder()) {
            sink.atEntry(entry.position(), Severity.WARNING, "Unresolved find_value variable '" + find + "': "
                    + found.message().orElse("") + "; " + label + " cannot be previewed without it");
            disabled = true;
        } else {
            find = found.text();
            disabled = find.isEmpty();
        }
    }

    private void preparePattern() {
        if (entry.regex()) {
            PythonRegex regex;
            try {
                regex = PythonRegex.compile(find, entry.ignoreCase());
            } catch (IllegalArgumentException e) {
                error("Invalid regex '" + find + "': " + e.getMessage() + " (" + label + ")");
                return;
            }
            if (regex.groupCount() != 1) {
                error("Regex pattern '" + find + "' must contain exactly one capturing group. (" + label + " has "
                        + regex.groupCount() + "; use (?:...) for other groups)");
                return;
            }
            pattern = regex.pattern();
        } else if (entry.ignoreCase()) {
            pattern = Pattern.compile(find, Pattern.LITERAL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    private void error(String message) {
        sink.atEntry(entry.position(), Severity.ERROR, message);
        disabled = true;
    }

    boolean environmentPresent() {
        return value.isPresent();
    }

    boolean enabled() {
        return !disabled;
    }

    StepOutcome apply(ScopedFile file, String text, String relativePath) {
        if (disabled || !filters.matches(file)) {
            return StepOutcome.unchanged(text);
        }
        filesSeen++;
        int occurrences = entry.regex() ? firstRegexMatch(text, file, relativePath) : literalOccurrences(text);
        if (occurrences <= 0 || value.isEmpty()) {
            return StepOutcome.unchanged(text);
        }
        filesFound++;
        VariableResolution replacement = replacement(value.get());
        if (replacement.failed() || replacement.text().isEmpty()) {
            return StepOutcome.unchanged(text);
        }
        String with = replacement.text();
        String out;
        if (entry.regex()) {
            RegexGroupReplacer.Outcome replaced = RegexGroupReplacer.replaceGroupOne(pattern, text, with);
            out = replaced.text();
            occurrences = replaced.replacements();
        } else if (pattern != null) {
            out = replaceIgnoringCase(text, with);
        } else {
            out = text.replace(find, with);
        }
        AppliedReplacement applied = new AppliedReplacement(ReplacementStep.FIND_REPLACE, entry.number(),
                find, with, occurrences,
                replacement.isVariable() ? Optional.of(replacement.input()) : Optional.empty(),
                replacement.isPlaceholder(), List.of());
        return new StepOutcome(out, Serialization.NONE, Optional.of(applied));
    }

    /** 1 when the regex matches, 0 when not, -1 when the first match captured nothing (reported). */
    private int firstRegexMatch(String text, ScopedFile file, String relativePath) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        String first = m.group(1);
        if (first == null || first.isEmpty()) {
            sink.atEntry(entry.position(), Severity.ERROR, "Regex pattern '" + find + "' captured an empty value. ("
                    + label + ", in " + relativePath + "; fabric-cicd stops the deployment here, so the file is"
                    + " left unchanged)");
            return -1;
        }
        return 1;
    }

    private int literalOccurrences(String text) {
        if (pattern != null) {
            Matcher m = pattern.matcher(text);
            int count = 0;
            while (m.find()) {
                count++;
            }
            return count;
        }
        int count = 0;
        int at = text.indexOf(find);
        while (at >= 0) {
            count++;
            at = text.indexOf(find, at + find.length());
        }
        return count;
    }

    private String replaceIgnoringCase(String text, String with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(with);
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private VariableResolution replacement(String raw) {
        if (resolution == null) {
            resolution = variables.resolve(raw);
            if (resolution.failed()) {
                sink.atEntry(entry.position(), Severity.ERROR, resolution.message().orElse("") + " (" + label
                        + ", replace_value for '" + environment + "')");
            } else if (resolution.isPlaceholder()) {
                sink.atEntry(entry.position(), Severity.WARNING, "Unresolved variable '" + raw + "' left in place ("
                        + label + ", '" + environment + "'): " + resolution.message().orElse(""));
            }
        }
        return resolution;
    }

    /** Its filters or environment were already reported as making it replace nothing. */
    void alreadyReported() {
        reported = true;
    }

    /** Warnings about an entry that, in the end, changed nothing anywhere. */
    void summarise() {
        if (reported || disabled || value.isEmpty()) {
            return;
        }
        if (filesSeen == 0) {
            sink.atEntry(entry.position(), Severity.WARNING, label + " applies to no file: "
                    + (filters.isEmpty() ? "there are no item files in scope"
                    : "no file satisfies its item_type, item_name and file_path filters together"));
        } else if (filesFound == 0) {
            sink.atEntry(entry.position(), Severity.WARNING, label + ": '" + find + "' was not found in any of the "
                    + filesSeen + " file(s) it applies to");
        }
    }
}
