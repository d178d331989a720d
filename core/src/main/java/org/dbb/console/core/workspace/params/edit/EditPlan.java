package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dbb.console.core.problem.Problem;

/**
 * What an edit will do, collected before anything is changed: the text splices, the data changes they are meant
 * to make (for the safety check), and notes about places left alone. Mutable, confined to one edit.
 */
final class EditPlan {

    /** Replace {@code [start, end)} of the original text with {@code text}. */
    record Splice(int start, int end, String text) {
    }

    private final List<Splice> splices = new ArrayList<>();
    private final List<DataChange> changes = new ArrayList<>();
    private final List<Problem> notes = new ArrayList<>();

    void splice(int start, int end, String text) {
        if (start < 0 || end < start) {
            throw new IllegalStateException("bad splice [" + start + ", " + end + ")");
        }
        splices.add(new Splice(start, end, text));
    }

    void change(DataChange change) {
        changes.add(change);
    }

    void note(Problem note) {
        notes.add(note);
    }

    List<DataChange> changes() {
        return changes;
    }

    List<Problem> notes() {
        return notes;
    }

    /** The original text with every splice applied; splices must not overlap. */
    String applyTo(String original) {
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::end));
        StringBuilder out = new StringBuilder(original.length() + 256);
        int copied = 0;
        Splice previous = null;
        for (Splice splice : ordered) {
            // Two inserts at one offset would have no defined order, so they count as overlapping too.
            boolean twoInserts = previous != null && previous.start() == previous.end()
                    && splice.start() == splice.end() && splice.start() == previous.start();
            if (splice.start() < copied || twoInserts) {
                throw new IllegalStateException("overlapping edits at offset " + splice.start());
            }
            out.append(original, copied, splice.start()).append(splice.text());
            copied = splice.end();
            previous = splice;
        }
        return out.append(original, copied, original.length()).toString();
    }
}
