package org.dbb.console.core.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/** Renders the difference between two versions of a text file as a unified diff. Stateless and thread-safe. */
public final class UnifiedDiff {

    private static final int CONTEXT_LINES = 3;

    private UnifiedDiff() {
    }

    /**
     * The unified diff of {@code before} and {@code after}, headed {@code --- a/<name>} / {@code +++ b/<name>};
     * empty when the texts are equal.
     */
    public static List<String> of(String name, String before, String after) {
        if (before.equals(after)) {
            return List.of();
        }
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised);
        return new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, original, patch,
                CONTEXT_LINES));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n", -1));
    }
}
