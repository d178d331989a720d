package org.dbb.console.core.workspace.params.picker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The publish-time hazards of a {@code key_value_replace} target, worded as the validator words them where it has
 * the same rule: a path that selects a whole object or list (fabric-cicd replaces all of it, corrupting the
 * definition), a JSON boolean replaced by the string "true"/"false", and any other change of JSON type (a number
 * becoming text, text becoming a number, …). A target of JSON {@code null} takes any value. Stateless and
 * thread-safe.
 */
public final class TargetRules {

    private TargetRules() {
    }

    /**
     * The warnings for writing {@code value} at a node of kind {@code target}.
     *
     * @param findKey the path, for the message
     * @param target  the selected node's JSON type
     * @param value   the replacement value as parsed (String, Boolean, Integer/Long, Double, List, Map), or empty
     *                when it is not known yet (only the leaf rule applies then)
     */
    public static List<TargetWarning> check(String findKey, JsonKind target, Optional<Object> value) {
        List<TargetWarning> out = new ArrayList<>();
        JsonKind written = value.map(JsonKind::ofValue).orElse(null);
        if (target.isContainer() && (written == null || !written.isContainer())) {
            out.add(new TargetWarning(TargetWarning.Kind.NOT_A_LEAF, "find_key '" + findKey + "' selects a whole "
                    + (target == JsonKind.OBJECT ? "object" : "list") + "; fabric-cicd replaces all of it with the"
                    + " value, which corrupts the definition. Point the path at the property to change"));
            return out;
        }
        if (written == null || target == JsonKind.NULL || written == target) {
            return out;
        }
        Object v = value.get();
        if (target == JsonKind.BOOLEAN && v instanceof String s
                && List.of("true", "false").contains(s.toLowerCase(Locale.ROOT))) {
            out.add(new TargetWarning(TargetWarning.Kind.TYPE_DIFFERS, "find_key '" + findKey + "' selects a JSON"
                    + " boolean but the replacement is the string '" + s + "'; write it without quotes so that the"
                    + " file keeps a boolean"));
            return out;
        }
        out.add(new TargetWarning(TargetWarning.Kind.TYPE_DIFFERS, "find_key '" + findKey + "' selects a JSON "
                + target.noun() + " but the replacement is a " + written.noun() + " (" + shown(v) + "); the file"
                + " would then hold a " + written.noun() + " there. " + advice(target)));
        return out;
    }

    /**
     * The warnings over every node a path matched: the first node that draws a warning decides, as the validator
     * reports one warning per file.
     */
    public static List<TargetWarning> check(String findKey, List<DefinitionNode> targets, Optional<Object> value) {
        for (DefinitionNode node : targets) {
            List<TargetWarning> found = check(findKey, node.kind(), value);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static String advice(JsonKind target) {
        return switch (target) {
            case STRING -> "Quote the value to keep text";
            case NUMBER -> "Give a number without quotes";
            case BOOLEAN -> "Give true or false without quotes";
            case OBJECT -> "Give a map ({key: value})";
            case ARRAY -> "Give a list ([a, b])";
            case NULL -> "";
        };
    }

    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
