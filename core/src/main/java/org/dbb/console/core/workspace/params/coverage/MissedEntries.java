package org.dbb.console.core.workspace.params.coverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.resolve.ParameterisedItemFiles;
import org.dbb.console.core.workspace.params.resolve.PythonRegex;
import org.dbb.console.core.workspace.params.resolve.ResolverOptions;

/**
 * Explains uncovered GUIDs that a {@code find_replace} entry seems to be about: its literal contains the GUID, or
 * its regex's group 1 spans it, yet the entry has no value for the environment, its filters leave the file out, or
 * the letter case differs. These are fabric-cicd's most common "replacement silently not happening" causes.
 * Confined to one scan.
 */
final class MissedEntries {

    private final ParameterFile parameters;
    private final ItemScan scan;
    private final String environment;
    private final ParameterisedItemFiles files;
    private final Map<Integer, Set<Path>> selected = new HashMap<>();
    private final Map<Integer, Optional<Pattern>> patterns = new HashMap<>();
    private final Map<Path, Optional<String>> texts = new HashMap<>();

    MissedEntries(ParameterFile parameters, ItemScan scan, String environment, ResolverOptions options) {
        this.parameters = parameters;
        this.scan = scan;
        this.environment = environment;
        this.files = new ParameterisedItemFiles(options);
    }

    /** The occurrences, uncovered ones with the reasons entries miss them. */
    List<GuidOccurrence> explain(List<GuidOccurrence> occurrences) {
        List<GuidOccurrence> out = new ArrayList<>();
        for (GuidOccurrence o : occurrences) {
            if (!o.uncovered() || !o.hints().isEmpty()) {
                out.add(o);
                continue;
            }
            List<String> hints = new ArrayList<>();
            for (FindReplaceEntry entry : parameters.findReplace()) {
                reason(entry, o).ifPresent(hints::add);
            }
            out.add(hints.isEmpty() ? o : o.withHints(hints));
        }
        return out;
    }

    private Optional<String> reason(FindReplaceEntry entry, GuidOccurrence o) {
        String label = "find_replace " + entry.number();
        boolean literal = !entry.regex() && !entry.findValue().startsWith("$");
        boolean about;
        boolean caseOnly = false;
        if (literal) {
            String find = entry.findValue();
            about = find.toLowerCase(Locale.ROOT).contains(o.guid().toLowerCase(Locale.ROOT));
            caseOnly = about && !entry.ignoreCase() && !find.contains(o.guid());
        } else if (entry.regex()) {
            about = groupOneSpans(entry, o);
        } else {
            return Optional.empty();
        }
        if (!about) {
            return Optional.empty();
        }
        if (entry.replaceValue().forEnvironment(environment).isEmpty()) {
            return Optional.of(label + " is about this GUID but has no value for '" + environment
                    + "', so fabric-cicd skips it there");
        }
        if (!selected(entry).contains(o.file())) {
            return Optional.of(label + " is about this GUID but its item_type / item_name / file_path filters leave"
                    + " this file out");
        }
        if (caseOnly) {
            return Optional.of(label + " writes this GUID in other letter case; fabric-cicd compares"
                    + " case-sensitively unless ignore_case is \"true\"");
        }
        if (literal) {
            return Optional.of(label + "'s find value contains this GUID, but not with the text around it here");
        }
        return Optional.empty();
    }

    /** Whether group 1 of a match of the entry's regex covers the GUID in its file (ignoring filters). */
    private boolean groupOneSpans(FindReplaceEntry entry, GuidOccurrence o) {
        Optional<Pattern> pattern = patterns.computeIfAbsent(entry.number(), n -> {
            try {
                PythonRegex regex = PythonRegex.compile(entry.findValue(), entry.ignoreCase());
                return regex.groupCount() >= 1 ? Optional.of(regex.pattern()) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        Optional<String> text = texts.computeIfAbsent(o.file(), ParameterisedItemFiles::text);
        if (pattern.isEmpty() || text.isEmpty()) {
            return false;
        }
        Matcher m = pattern.get().matcher(text.get());
        while (m.find()) {
            String group = m.group(1);
            if (group != null && group.toLowerCase(Locale.ROOT).contains(o.guid().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Set<Path> selected(FindReplaceEntry entry) {
        return selected.computeIfAbsent(entry.number(), n -> {
            Set<Path> paths = new HashSet<>();
            files.selectedBy(entry.filters(), scan).forEach(f -> paths.add(f.file()));
            return paths;
        });
    }
}
