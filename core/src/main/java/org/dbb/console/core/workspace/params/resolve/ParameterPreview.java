package org.dbb.console.core.workspace.params.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * Renders a {@link ResolutionResult} as unified diffs, one per changed file, with 3 lines of context and
 * {@code a/}/{@code b/} repository-relative names. A file that a {@code key_value_replace} re-serialised as JSON
 * becomes a single long line, which would hide what changed, so both sides are then shown pretty-printed (2-space
 * indent, original key order, non-ASCII shown as characters) and a header comment line says so; other files are
 * diffed as raw text. Stateless and thread-safe.
 */
public final class ParameterPreview {

    private static final int CONTEXT = 3;

    private final PythonJsonReader jsonReader = new PythonJsonReader();

    /** One diff per changed file, in the result's order. */
    public List<PreviewDiff> diffs(ResolutionResult result) {
        List<PreviewDiff> diffs = new ArrayList<>();
        for (FileChange change : result.changes()) {
            diffs.add(diff(result.relative(change.file()), change));
        }
        return diffs;
    }

    /** Every diff, one after the other. */
    public String render(ResolutionResult result) {
        StringBuilder out = new StringBuilder();
        for (PreviewDiff diff : diffs(result)) {
            out.append(diff.text());
        }
        return out.toString();
    }

    private PreviewDiff diff(String relative, FileChange change) {
        StringBuilder header = new StringBuilder();
        String before = change.before();
        String after = change.after();
        boolean pretty = false;
        if (change.serialization() == Serialization.JSON) {
            Optional<String> prettyBefore = pretty(before);
            Optional<String> prettyAfter = pretty(after);
            if (prettyBefore.isPresent() && prettyAfter.isPresent()) {
                before = prettyBefore.get();
                after = prettyAfter.get();
                pretty = true;
                header.append("# fabric-cicd re-serialises this JSON file on one line (json.dumps); both sides are"
                        + " shown pretty-printed, key order kept\n");
            } else {
                header.append("# fabric-cicd re-serialises this JSON file on one line (json.dumps); shown as raw"
                        + " text because one side is no longer JSON\n");
            }
        } else if (change.serialization() == Serialization.YAML) {
            header.append("# fabric-cicd re-serialises this file with yaml.dump: keys sorted, comments dropped\n");
        }
        List<String> beforeLines = lines(before);
        List<String> afterLines = lines(after);
        Patch<String> patch = DiffUtils.diff(beforeLines, afterLines);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + relative, "b/" + relative, beforeLines,
                patch, CONTEXT);
        StringBuilder text = new StringBuilder(header);
        if (patch.getDeltas().isEmpty()) {
            text.append("--- a/").append(relative).append('\n').append("+++ b/").append(relative).append('\n');
            text.append(pretty ? "# formatting only: no value changes\n"
                    : "# line endings or the final newline change only\n");
        } else {
            unified.forEach(line -> text.append(line).append('\n'));
        }
        return new PreviewDiff(change.file(), relative, pretty, text.toString());
    }

    private Optional<String> pretty(String json) {
        return jsonReader.parse(json).map(parsed -> PythonJsonWriter.indented().write(parsed.value()));
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }
}
