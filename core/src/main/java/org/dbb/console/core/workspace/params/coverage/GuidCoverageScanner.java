package org.dbb.console.core.workspace.params.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.resolve.FileChange;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;
import org.dbb.console.core.workspace.params.resolve.ParameterisedItemFiles;
import org.dbb.console.core.workspace.params.resolve.ResolutionResult;
import org.dbb.console.core.workspace.params.resolve.ResolverOptions;
import org.dbb.console.core.workspace.params.resolve.Serialization;
import org.dbb.console.core.workspace.params.resolve.UnresolvedPolicy;

/**
 * Finds every GUID in the item files fabric-cicd deploys and decides, for one environment, whether the deployment
 * changes it. The decision is the real resolver's: the parameter file is applied for the environment — logicalIds
 * and all-zero workspace ids included, as fabric-cicd's publish does — with every replacement value swapped for a
 * marker naming its entry, and a GUID counts as covered when characters of it changed. The items' own
 * {@code config.logicalId} in {@code .platform} files is left out (fabric-cicd maps logicalIds itself); any other
 * GUID in a {@code .platform} is reported, since fabric-cicd never parameterises those files. Nothing is written.
 * Thread-safe: every call works on its own state.
 */
public final class GuidCoverageScanner {

    /** 8-4-4-4-12 hex digits, any case, not part of a longer run of letters or digits. */
    static final Pattern GUID = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}"
            + "-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])");

    private static final int CONTEXT = 60;
    private static final String PLATFORM_NOTE = "in .platform, which fabric-cicd publishes without applying"
            + " parameter.yml; no entry can replace it";

    private final ParameterResolver resolver;
    private final ResolverOptions options;

    /** Scans what a default deployment publishes: every supported item type, no shortcut publishing. */
    public GuidCoverageScanner(ParameterResolver resolver) {
        this(resolver, ResolverOptions.defaults());
    }

    /**
     * @param resolver applies the parameter file
     * @param options  the deployment's scope (item types in scope, shortcut publishing); how unresolved variables
     *                 and identifiers are treated is decided here
     */
    public GuidCoverageScanner(ParameterResolver resolver, ResolverOptions options) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Scans {@code scan}'s item files.
     *
     * @param parameters  the validated parameter file, or empty when the repository has none
     * @param scan        the repository's items
     * @param environment the target environment (compared case-sensitively with the {@code replace_value} keys)
     * @param progress    told what is being done, step by step
     */
    public CoverageReport scan(Optional<ParameterFile> parameters, ItemScan scan, String environment,
                               CoverageProgress progress) {
        progress.report("Listing the item files fabric-cicd deploys …");
        List<ParameterisedItemFiles.ItemFile> files = new ParameterisedItemFiles(options).list(scan);
        Map<Path, Scanned> found = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (i % 25 == 0) {
                progress.report("Searching " + files.size() + " item files for GUIDs (" + (i + 1) + " of "
                        + files.size() + ") …");
            }
            ParameterisedItemFiles.ItemFile file = files.get(i);
            Optional<String> text = ParameterisedItemFiles.text(file.file());
            if (text.isEmpty()) {
                continue;
            }
            texts.add(text.get());
            List<Hit> hits = hits(text.get());
            if (!hits.isEmpty()) {
                found.put(file.file(), new Scanned(file, text.get(), hits));
            }
        }

        List<Problem> notes = new ArrayList<>();
        Map<Path, Covered> coverage = new HashMap<>();
        Markers markers = Markers.unusedIn(texts);
        if (!found.isEmpty()) {
            // Without a parameter file fabric-cicd still replaces logicalIds and all-zero workspace ids.
            ParameterFile applied = parameters.orElseGet(() -> new ParameterFile(scan.root().resolve("parameter.yml"),
                    List.of(), List.of(), List.of(), Optional.empty(), List.of()));
            progress.report((parameters.isPresent() ? "Applying parameter.yml for " + environment
                    : "No parameter.yml: applying fabric-cicd's own id replacements") + " to " + files.size()
                    + " item files, as a deployment would …");
            ResolverOptions run = options.withUnresolvedPolicy(UnresolvedPolicy.KEEP_PLACEHOLDER)
                    .withReplaceIdentifiers(true);
            ResolutionResult marked = resolver.apply(markers.marked(applied), scan, environment,
                    markers.context(scan), run);
            marked.problems().forEach(p -> notes.add(unmarked(p, markers)));
            Optional<ResolutionResult> serialised = Optional.empty();
            if (marked.changes().stream().anyMatch(c -> c.serialization() != Serialization.NONE)) {
                progress.report("Comparing the files key_value_replace re-serialises …");
                serialised = Optional.of(resolver.apply(Markers.serialisationOnly(applied), scan,
                        environment, markers.context(scan), run.withReplaceIdentifiers(false)));
            }
            for (FileChange change : marked.changes()) {
                Scanned file = found.get(change.file());
                if (file == null) {
                    continue;
                }
                String base = change.before();
                if (change.serialization() != Serialization.NONE) {
                    base = serialised.flatMap(s -> s.change(change.file())).map(FileChange::after)
                            .orElse(change.before());
                }
                coverage.put(change.file(), new Covered(base, change.after(), ChangedRegions.between(base,
                        change.after())));
            }
        }

        progress.report("Judging " + found.values().stream().mapToInt(s -> s.hits().size()).sum()
                + " GUIDs …");
        List<GuidOccurrence> occurrences = new ArrayList<>();
        for (Scanned file : found.values()) {
            occurrences.addAll(judge(file, Optional.ofNullable(coverage.get(file.file().file())), markers, scan));
        }
        int[] excluded = {0};
        for (Item item : scan.items()) {
            occurrences.addAll(platformGuids(item, scan, excluded));
        }
        if (parameters.isPresent()) {
            occurrences = new MissedEntries(parameters.get(), scan, environment, options).explain(occurrences);
        }
        return new CoverageReport(scan.root(), environment, parameters.isPresent(), files.size(), occurrences,
                excluded[0], notes);
    }

    private List<GuidOccurrence> judge(Scanned file, Optional<Covered> covered, Markers markers, ItemScan scan) {
        List<GuidOccurrence> out = new ArrayList<>();
        int[] lines = lineStarts(file.text());
        Map<String, List<Hit>> baseHits = covered.map(c -> byValue(hits(c.base()))).orElse(Map.of());
        Map<String, Integer> seen = new HashMap<>();
        for (Hit hit : file.hits()) {
            GuidOccurrence occurrence = occurrence(file.file(), file.text(), lines, hit, scan);
            if (covered.isPresent()) {
                String value = hit.guid().toLowerCase(Locale.ROOT);
                int ordinal = seen.merge(value, 1, Integer::sum) - 1;
                List<Hit> sameValue = baseHits.getOrDefault(value, List.of());
                Optional<String> by;
                if (ordinal < sameValue.size()) {
                    Hit inBase = sameValue.get(ordinal);
                    by = covered.get().regions().replacementOf(inBase.start(), inBase.end())
                            .map(r -> markers.describe(r, scan).orElse("changed by the deployment"));
                } else {
                    // The serialiser dropped or merged this occurrence (a duplicate JSON key): judge by value.
                    by = covered.get().after().toLowerCase(Locale.ROOT).contains(value) ? Optional.empty()
                            : Optional.of("re-serialised away by key_value_replace");
                }
                if (by.isPresent()) {
                    CoverageState state = Markers.isFabricCicd(by.get()) ? CoverageState.FABRIC_CICD
                            : CoverageState.PARAMETER_ENTRY;
                    occurrence = occurrence.withCoverage(state, by);
                }
            }
            out.add(occurrence);
        }
        return out;
    }

    private List<GuidOccurrence> platformGuids(Item item, ItemScan scan, int[] excluded) {
        Path platform = item.platformFile();
        if (!Files.isRegularFile(platform)) {
            return List.of();
        }
        Optional<String> text = ParameterisedItemFiles.text(platform);
        if (text.isEmpty()) {
            return List.of();
        }
        String relative = scan.root().relativize(platform).toString().replace('\\', '/');
        ParameterisedItemFiles.ItemFile file = new ParameterisedItemFiles.ItemFile(item, platform, relative);
        List<GuidOccurrence> out = new ArrayList<>();
        int[] lines = lineStarts(text.get());
        for (Hit hit : hits(text.get())) {
            GuidOccurrence occurrence = occurrence(file, text.get(), lines, hit, scan);
            boolean ownLogicalId = hit.guid().equalsIgnoreCase(item.logicalId())
                    && occurrence.key().filter(k -> k.equals("logicalId")).isPresent();
            if (ownLogicalId) {
                excluded[0]++;
            } else {
                out.add(occurrence.withHints(List.of(PLATFORM_NOTE)));
            }
        }
        return out;
    }

    private static GuidOccurrence occurrence(ParameterisedItemFiles.ItemFile file, String text, int[] lines,
                                             Hit hit, ItemScan scan) {
        int index = Arrays.binarySearch(lines, hit.start());
        int lineIndex = index >= 0 ? index : -index - 2;
        int lineStart = lines[lineIndex];
        int lineEnd = text.indexOf('\n', hit.end());
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int line = lineIndex + 1;
        int column = hit.start() - lineStart + 1;
        if (lineStart == 0 && text.startsWith("\uFEFF")) {
            column--;
        }
        String lineBefore = text.substring(lineStart, hit.start());
        int from = Math.max(lineStart, hit.start() - CONTEXT);
        int to = Math.min(lineEnd, hit.end() + CONTEXT);
        String before = (from > lineStart ? "…" : "") + text.substring(from, hit.start()).stripLeading();
        String after = text.substring(hit.end(), to).stripTrailing() + (to < lineEnd ? "…" : "");
        Optional<String> key = GuidKindClassifier.key(lineBefore);
        GuidKind kind = GuidKindClassifier.kind(key, lineBefore, file.file().getFileName().toString());
        if (kind == GuidKind.UNKNOWN && scan.byLogicalId(hit.guid()).isPresent()) {
            kind = GuidKind.ITEM_ID;
        }
        return new GuidOccurrence(file.file(), file.relativePath(), file.item(), line, column, hit.guid(),
                before + hit.guid() + after, before.length(), key, kind, CoverageState.UNCOVERED, Optional.empty(),
                List.of());
    }

    private static Problem unmarked(Problem problem, Markers markers) {
        String message = markers.unmark(problem.message());
        return message.equals(problem.message()) ? problem : new Problem(problem.file(), problem.line(),
                problem.column(), problem.severity(), message, problem.jsonPath());
    }

    /** The offset each line starts at. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static List<Hit> hits(String text) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = GUID.matcher(text);
        while (m.find()) {
            hits.add(new Hit(m.start(), m.end(), m.group()));
        }
        return hits;
    }

    private static Map<String, List<Hit>> byValue(List<Hit> hits) {
        Map<String, List<Hit>> map = new HashMap<>();
        for (Hit hit : hits) {
            map.computeIfAbsent(hit.guid().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(hit);
        }
        return map;
    }

    /** A GUID at {@code [start, end)} of a text. */
    record Hit(int start, int end, String guid) {
    }

    /** A file with GUIDs, as read. */
    private record Scanned(ParameterisedItemFiles.ItemFile file, String text, List<Hit> hits) {
    }

    /** What the deployment made of a file: the text compared ({@code base}), the result and where they differ. */
    private record Covered(String base, String after, ChangedRegions regions) {
    }
}
