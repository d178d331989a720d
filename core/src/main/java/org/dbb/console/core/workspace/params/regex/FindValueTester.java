package org.dbb.console.core.workspace.params.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.PythonRegex;
import org.dbb.console.core.workspace.params.resolve.ParameterisedItemFiles;
import org.dbb.console.core.workspace.params.resolve.ResolverOptions;

/**
 * Tries a {@code find_replace} find value on the item files its filters select, matching exactly as the resolver
 * replaces: a regex is checked with Python's rules and messages ({@link PythonRegex}) and run through the
 * resolver's translation, group 1 being what fabric-cicd replaces; a literal is found as {@code str.replace} finds
 * it (case-insensitively with {@code ignore_case}). Reads files, writes nothing. Thread-safe.
 */
public final class FindValueTester {

    /** Matches listed per file; the count is always complete. */
    public static final int MATCHES_SHOWN_PER_FILE = 200;

    private static final int AROUND = 60;

    private final ParameterisedItemFiles files;

    public FindValueTester() {
        this(ResolverOptions.defaults());
    }

    /** @param options the deployment's scope: item types in scope and shortcut publishing */
    public FindValueTester(ResolverOptions options) {
        this.files = new ParameterisedItemFiles(Objects.requireNonNull(options, "options"));
    }

    /** Runs {@code trial} over {@code scan}'s item files. */
    public TrialResult run(FindValueTrial trial, ItemScan scan) {
        List<TrialResult.Message> messages = new ArrayList<>();
        String find = trial.findValue();
        if (find.isEmpty()) {
            messages.add(new TrialResult.Message(Severity.WARNING, "Type a find value to try; fabric-cicd refuses"
                    + " an empty find_value."));
            return new TrialResult(false, 0, messages, List.of(), 0);
        }
        Pattern pattern;
        int groups = 0;
        if (trial.regex()) {
            PythonRegex.Compiled compiled = PythonRegex.compile(find, trial.ignoreCase());
            if (compiled.error().isPresent()) {
                messages.add(new TrialResult.Message(Severity.ERROR, "Invalid regex " + find + ": "
                        + compiled.error().get() + "; the pattern must compile with Python's re module"));
                return new TrialResult(false, 0, messages, List.of(), 0);
            }
            groups = compiled.groups();
            Optional<Pattern> runnable = translated(find, trial.ignoreCase(), messages);
            if (runnable.isEmpty()) {
                return new TrialResult(false, groups, messages, List.of(), 0);
            }
            pattern = runnable.get();
            if (groups == 0) {
                messages.add(new TrialResult.Message(Severity.ERROR, "The pattern has no group 1: fabric-cicd"
                        + " replaces only what group 1 captures and refuses the entry when it publishes (\"Regex"
                        + " pattern '" + find + "' must contain exactly one capturing group.\"). Put the text to"
                        + " replace in (...)."));
            } else if (groups > 1) {
                messages.add(new TrialResult.Message(Severity.ERROR, "Regex pattern '" + find + "' must contain"
                        + " exactly one capturing group. (it has " + groups + "; fabric-cicd refuses it when it"
                        + " publishes: use (?:...) for any other grouping)"));
            }
        } else {
            if (find.startsWith("$")) {
                messages.add(new TrialResult.Message(Severity.WARNING, "A find value starting with $ is read as a"
                        + " variable by fabric-cicd (only $workspace. variables are allowed, resolved when it"
                        + " deploys); it is tried here as literal text."));
            }
            int flags = Pattern.LITERAL;
            if (trial.ignoreCase()) {
                flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            }
            pattern = Pattern.compile(find, flags);
        }

        List<ParameterisedItemFiles.ItemFile> selected = files.selectedBy(trial.filters(), scan);
        List<TrialFile> found = new ArrayList<>();
        int total = 0;
        for (ParameterisedItemFiles.ItemFile file : selected) {
            Optional<String> text = ParameterisedItemFiles.text(file.file());
            if (text.isEmpty()) {
                continue;
            }
            TrialFile result = matches(file, text.get(), pattern, trial.regex(), groups >= 1, messages, find);
            total += result.matchCount();
            found.add(result);
        }
        found.sort(Comparator.comparing((TrialFile f) -> f.matchCount() == 0));
        if (selected.isEmpty()) {
            messages.add(new TrialResult.Message(Severity.WARNING, "The entry's item_type / item_name / file_path"
                    + " filters select none of the item files fabric-cicd parameterises: it replaces nothing."));
        } else if (total == 0) {
            messages.add(new TrialResult.Message(Severity.WARNING, "No match in any of the " + found.size()
                    + " file" + (found.size() == 1 ? "" : "s") + " the filters select: fabric-cicd would change"
                    + " nothing."));
        }
        return new TrialResult(true, groups, messages, found, total);
    }

    private static Optional<Pattern> translated(String find, boolean ignoreCase,
                                                List<TrialResult.Message> messages) {
        try {
            return Optional.of(org.dbb.console.core.workspace.params.resolve.PythonRegex.compile(find, ignoreCase)
                    .pattern());
        } catch (IllegalArgumentException e) {
            messages.add(new TrialResult.Message(Severity.WARNING, "Python accepts this pattern, but the console"
                    + " cannot run it (" + e.getMessage() + "), so its matches cannot be shown."));
            return Optional.empty();
        }
    }

    /** A literal's whole match is what is replaced; a regex's group 1, when it has one. */
    private static TrialFile matches(ParameterisedItemFiles.ItemFile file, String text, Pattern pattern,
                                     boolean regex, boolean hasGroupOne, List<TrialResult.Message> messages,
                                     String find) {
        boolean groupOne = regex && hasGroupOne;
        Matcher m = pattern.matcher(text);
        List<TrialMatch> shown = new ArrayList<>();
        int count = 0;
        LineIndex lines = new LineIndex(text);
        while (m.find()) {
            if (count == 0 && groupOne && (m.group(1) == null || m.group(1).isEmpty())) {
                messages.add(new TrialResult.Message(Severity.ERROR, "In " + file.relativePath() + " the first"
                        + " match's group 1 is empty: fabric-cicd stops the deployment there (\"Regex pattern '"
                        + find + "' captured an empty value.\")."));
            }
            count++;
            if (shown.size() < MATCHES_SHOWN_PER_FILE) {
                int groupStart = !regex ? m.start() : groupOne && m.group(1) != null ? m.start(1) : -1;
                int groupEnd = !regex ? m.end() : groupOne && m.group(1) != null ? m.end(1) : -1;
                shown.add(snippet(text, lines, m.start(), m.end(), groupStart, groupEnd));
            }
        }
        return new TrialFile(file.relativePath(), file.item().label(), count, shown);
    }

    private static TrialMatch snippet(String text, LineIndex lines, int start, int end, int groupStart,
                                      int groupEnd) {
        int lineIndex = lines.lineOf(start);
        int lineStart = lines.start(lineIndex);
        int lineEnd = lines.end(lineIndex);
        int from = Math.max(lineStart, start - AROUND);
        int shownEnd = Math.min(end, lineEnd);
        int to = Math.min(lineEnd, shownEnd + AROUND);
        String lead = from > lineStart ? "…" : "";
        String snippet = lead + text.substring(from, to) + (to < lineEnd || end > lineEnd ? "…" : "");
        int shift = lead.length() - from;
        int gs = groupStart < 0 || groupStart > to ? -1 : groupStart + shift;
        int ge = groupStart < 0 || groupStart > to ? -1 : Math.min(groupEnd, to) + shift;
        String group = groupStart < 0 ? "" : text.substring(groupStart, groupEnd);
        return new TrialMatch(lineIndex + 1, start - lineStart + 1, snippet, start + shift, shownEnd + shift, gs, ge,
                group);
    }

    /** Line starts of a text, for turning offsets into lines. */
    private static final class LineIndex {

        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                found.add(i + 1);
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return i >= 0 ? i : -i - 2;
        }

        int start(int line) {
            return starts[line];
        }

        int end(int line) {
            int end = text.indexOf('\n', starts[line]);
            return end < 0 ? text.length() : end;
        }
    }
}
