package org.dbb.console.app.params;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.resolve.FileChange;
import org.dbb.console.core.workspace.params.resolve.PreviewDiff;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;
import org.dbb.console.core.workspace.params.resolve.ResolutionResult;
import org.dbb.console.core.workspace.params.resolve.ResolverOptions;

/**
 * Applies the saved and the pending parameter text for one environment, as {@code dbb params preview} does, and
 * keeps the files whose published content the pending edits change. Variables whose ids need a connection stay
 * visible placeholders. Runs on a background thread; one per preview.
 */
final class PreviewBuilder {

    private final ParameterEditing core;
    private final Path file;
    private final ItemScan scan;
    private final String environment;

    PreviewBuilder(ParameterEditing core, Path file, ItemScan scan, String environment) {
        this.core = core;
        this.file = file;
        this.scan = scan;
        this.environment = environment;
    }

    PreviewResult build(String savedText, String pendingText, boolean pendingEdits) {
        Optional<ResolutionResult> after = resolve(pendingText);
        if (after.isEmpty()) {
            return new PreviewResult(List.of(), "No preview for " + environment + ": fabric-cicd would refuse the"
                    + " file with these rules; fix the errors under Problems first.");
        }
        List<PreviewDiff> diffs = core.preview().diffs(after.get());
        String unresolved = after.get().problems().isEmpty() ? ""
                : " " + after.get().problems().size() + " note" + (after.get().problems().size() == 1 ? "" : "s")
                + " (e.g. ids that need a connection are shown as placeholders).";
        if (!pendingEdits) {
            List<PreviewFile> files = diffs.stream().map(d -> new PreviewFile(d.relativePath(),
                    "changed for " + environment, d.text())).toList();
            return new PreviewResult(files, files.size() + " file" + (files.size() == 1 ? "" : "s") + " change for "
                    + environment + " with the saved parameter.yml (no pending edits)." + unresolved);
        }
        Optional<ResolutionResult> before = resolve(savedText);
        List<PreviewFile> files = new ArrayList<>();
        for (int i = 0; i < after.get().changes().size(); i++) {
            FileChange change = after.get().changes().get(i);
            Optional<FileChange> was = before.flatMap(b -> b.change(change.file()));
            if (was.isEmpty() || !was.get().after().equals(change.after())) {
                files.add(new PreviewFile(diffs.get(i).relativePath(), was.isEmpty()
                        ? "changes for " + environment + " only with the pending edits"
                        : "changes differently for " + environment + " with the pending edits", diffs.get(i).text()));
            }
        }
        before.ifPresent(b -> b.changes().stream()
                .filter(c -> after.get().change(c.file()).isEmpty())
                .forEach(c -> files.add(new PreviewFile(b.relative(c.file()), "no longer changes for " + environment
                        + " with the pending edits", ""))));
        return new PreviewResult(files, files.size() + " file" + (files.size() == 1 ? "" : "s") + " affected for "
                + environment + " by the pending edits." + unresolved);
    }

    private Optional<ResolutionResult> resolve(String text) {
        ParameterValidation validation = core.validator().validate(file, text, Optional.of(environment),
                Optional.of(scan));
        return validation.file().map(parameters -> core.resolver().apply(parameters, scan, environment,
                ReplacementContext.empty(), ResolverOptions.preview()));
    }
}
