package org.dbb.console.core.workspace.params.picker;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the plain JSONPath ({@code $.a.b[0].c}) that selects one node, in a form both jsonpath_ng (what
 * fabric-cicd parses {@code find_key} with) and Jayway (what the console evaluates with) read the same way, and
 * the canonical form Jayway reports matches in ({@code $['a']['b'][0]['c']}). Stateless and thread-safe.
 */
public final class JsonPathNames {

    /*
     * A dotted name must lex as one jsonpath_ng ID: no hyphen (Jayway reads it differently), not "where" or
     * "wherenot" (keywords), and not starting with "true"/"false" (jsonpath_ng lexes those as a boolean first).
     */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPathNames() {
    }

    /** One step of a path: an object key or an array index. */
    public sealed interface Step permits Key, Index {
    }

    /** An object member. */
    public record Key(String name) implements Step {
    }

    /** An array element, 0-based. */
    public record Index(int index) implements Step {
    }

    /** The find_key for the node reached by {@code steps} from the document root. */
    public static String findKey(List<Step> steps) {
        StringBuilder out = new StringBuilder("$");
        for (Step step : steps) {
            if (step instanceof Index i) {
                out.append('[').append(i.index()).append(']');
            } else {
                String name = ((Key) step).name();
                if (isDottable(name)) {
                    out.append('.').append(name);
                } else {
                    out.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
                }
            }
        }
        return out.toString();
    }

    /** The path as Jayway lists matches, so a match can be found in the tree. */
    public static String canonical(List<Step> steps) {
        StringBuilder out = new StringBuilder("$");
        for (Step step : steps) {
            if (step instanceof Index i) {
                out.append('[').append(i.index()).append(']');
            } else {
                out.append("['").append(((Key) step).name()).append("']");
            }
        }
        return out.toString();
    }

    static boolean isDottable(String name) {
        return DOTTED.matcher(name).matches() && !name.equals("where") && !name.equals("wherenot")
                && !name.startsWith("true") && !name.startsWith("false");
    }
}
