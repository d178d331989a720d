package org.dbb.console.app.params.entries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.app.params.ParameterDraft;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.edit.EditResult;
import org.dbb.console.core.workspace.params.edit.NewEntry;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;

/**
 * Judges a new entry the way {@code dbb params check} would judge the file with it: the byte-preserving editor
 * writes it into the pending text, the fabric-cicd 1.3.0 validator checks the result, and only errors the text did
 * not have before count against the entry. Stateless and thread-safe; runs on a background thread.
 */
final class EntryCheck {

    /**
     * The outcome.
     *
     * @param errors   why the entry cannot be added, as {@code file:line:col message}; empty when it can
     * @param warnings what the validator warns about on the entry's own lines
     */
    record Verdict(List<String> errors, List<String> warnings) {
        Verdict {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        boolean accepted() {
            return errors.isEmpty();
        }
    }

    private final ParameterEditing core;

    EntryCheck(ParameterEditing core) {
        this.core = core;
    }

    Verdict judge(ParameterDraft draft, NewEntry entry) {
        TextFile before = draft.text();
        EditResult result;
        try {
            result = core.editor().edit(before, new ParameterFileEdit.AddEntry(entry));
        } catch (InvalidInputException e) {
            return new Verdict(List.of(e.problems().get(0).message()), List.of());
        }
        String after = result.file().text();
        ParameterValidation check = core.validator().validate(draft.file(), after, draft.rulesFor(), draft.items());
        List<String> errors = new ArrayList<>();
        for (Problem p : check.errors()) {
            if (!draft.knownErrors().contains(p.message())) {
                errors.add(shown(draft, p));
            }
        }
        int[] lines = insertedLines(before.text(), after);
        List<String> warnings = new ArrayList<>();
        for (Problem p : check.warnings()) {
            if (p.file().endsWith(draft.file().getFileName()) && p.line() >= lines[0] && p.line() <= lines[1]) {
                warnings.add(p.message());
            }
        }
        return new Verdict(errors, warnings);
    }

    private static String shown(ParameterDraft draft, Problem problem) {
        return problem.format(Optional.ofNullable(draft.file().getParent()).orElse(draft.file()));
    }

    /** The 1-based first and last line of what the editor inserted (it only ever inserts one block). */
    private static int[] insertedLines(String before, String after) {
        int prefix = 0;
        while (prefix < before.length() && prefix < after.length() && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int first = 1 + (int) before.substring(0, prefix).chars().filter(c -> c == '\n').count();
        int added = (int) (after.chars().filter(c -> c == '\n').count() - before.chars().filter(c -> c == '\n')
                .count());
        return new int[] {first, first + Math.max(0, added)};
    }
}
