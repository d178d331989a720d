package org.dbb.console.core.workspace.params.resolve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.FabricItemTypes;

/**
 * Resolves fabric-cicd 1.3.0's dynamic replacement variables with its own parsing rules
 * ({@code _parameter/_utils.py: extract_replace_value}):
 * <ul>
 *   <li>a value not starting with {@code $} is a literal;</li>
 *   <li>{@code $workspace.$id} / legacy {@code $workspace.id}, {@code $workspace.$name},
 *       {@code $workspace.$name_encoded} ({@code urllib.parse.quote(name, safe="")});</li>
 *   <li>{@code $workspace.<Name>.$items.<Type>.<Item>.$<attr>} — the attribute must be one of
 *       {@code id, sqlendpoint, sqlendpointid, queryserviceuri} written in lower case; type and item split on the
 *       last {@code .};</li>
 *   <li>{@code $workspace.<Name>} and {@code $workspace.<Name>.$id} — another workspace's id;</li>
 *   <li>{@code $items.<Type>.<Name>.$<attr>}: split on the last {@code .$}, then on the last {@code .}, so an item
 *       name containing a dot cannot be referenced; the legacy form without {@code $} splits on the first
 *       {@code .} and the last {@code .}; the attribute is lower-cased;</li>
 *   <li>any other value starting with {@code $} is rejected ("Invalid replace_value variable format").</li>
 * </ul>
 * Thread-safe.
 */
public final class VariableResolver {

    /** fabric-cicd's {@code ITEM_ATTR_LOOKUP}, in its order. */
    static final List<String> ATTRIBUTES = List.of("id", "sqlendpoint", "sqlendpointid", "queryserviceuri");

    /** Which item types carry each non-id attribute (fabric-cicd 1.3.0 reads them only for these types). */
    private static final Map<String, Set<String>> ATTRIBUTE_TYPES = Map.of(
            "sqlendpoint", Set.of("Lakehouse", "Warehouse", "SQLDatabase", "MirroredDatabase"),
            "sqlendpointid", Set.of("Lakehouse", "MirroredDatabase"),
            "queryserviceuri", Set.of("Eventhouse"));

    private static final String FORMAT_HINT = "Expected format: $items.type.name.$attribute or $workspace.$id or"
            + " $workspace.$name or $workspace.$name_encoded or $workspace.<name>.$id or"
            + " $workspace.<name>.$items.<type>.<name>.$attribute";

    private final ReplacementContext context;
    private final UnresolvedPolicy policy;

    public VariableResolver(ReplacementContext context, UnresolvedPolicy policy) {
        this.context = context;
        this.policy = policy;
    }

    /** Resolves {@code value}: a literal, a variable, or a reason why the variable cannot be resolved. */
    public VariableResolution resolve(String value) {
        if (!value.startsWith("$")) {
            return VariableResolution.literal(value);
        }
        if (value.startsWith("$workspace.")) {
            return workspace(value);
        }
        if (value.startsWith("$items.")) {
            return items(value);
        }
        return VariableResolution.failed(value, "Invalid replace_value variable format: '" + value + "'. "
                + FORMAT_HINT);
    }

    private VariableResolution workspace(String value) {
        if (value.equals("$workspace.id") || value.equals("$workspace.$id")) {
            return known(value, context.workspaceId(), "the target workspace id is not known");
        }
        if (value.equals("$workspace.$name")) {
            return known(value, context.workspaceName(), "the target workspace name is not known");
        }
        if (value.equals("$workspace.$name_encoded")) {
            return known(value, context.workspaceName().map(VariableResolver::quote),
                    "the target workspace name is not known");
        }
        String rest = value.substring("$workspace.".length());
        if (rest.contains("$items.")) {
            return crossWorkspaceItem(value, rest);
        }
        String name = pyStrip(rest.endsWith(".$id") ? rest.substring(0, rest.length() - 4) : rest);
        return context.workspaceNamed(name)
                .map(w -> VariableResolution.resolved(value, w.id()))
                .orElseGet(() -> missing(value, "Workspace ID could not be resolved from workspace name: "
                        + name + "."));
    }

    private VariableResolution crossWorkspaceItem(String value, String rest) {
        String attribute = ATTRIBUTES.stream().filter(a -> rest.endsWith(".$" + a)).findFirst().orElse(null);
        if (attribute == null) {
            return VariableResolution.failed(value, "Invalid syntax or missing attribute in cross-workspace variable '"
                    + value + "'. Expected format: $workspace.name.$items.type.name.$attribute where attribute is"
                    + " one of: " + String.join(", ", ATTRIBUTES));
        }
        int split = rest.indexOf(".$items.");
        if (split < 0) {
            return VariableResolution.failed(value, "Error parsing $workspace variable: not enough values to unpack"
                    + " (expected 2, got 1)");
        }
        String workspaceName = pyStrip(rest.substring(0, split));
        String itemsInfo = rest.substring(split + ".$items.".length());
        itemsInfo = itemsInfo.substring(0, itemsInfo.length() - (".$" + attribute).length());
        int lastDot = itemsInfo.lastIndexOf('.');
        if (lastDot < 0) {
            return VariableResolution.failed(value, "Invalid $workspace variable syntax: " + value
                    + ". Expected format: $workspace.name.$items.type.name.$attribute");
        }
        String type = pyStrip(itemsInfo.substring(0, lastDot));
        String name = pyStrip(itemsInfo.substring(lastDot + 1));
        if (!FabricItemTypes.isSupported(type)) {
            return VariableResolution.failed(value, "Item type '" + type + "' is invalid or not supported");
        }
        Optional<OtherWorkspace> workspace = context.workspaceNamed(workspaceName);
        if (workspace.isEmpty()) {
            return missing(value, "Workspace ID could not be resolved from workspace name: " + workspaceName + ".");
        }
        Optional<DeployedItem> item = workspace.get().item(type, name);
        if (item.isEmpty()) {
            return missing(value, "Item '" + name + "' not found as a " + type + " in workspace '" + workspaceName
                    + "'");
        }
        return attributeOf(value, item.get(), attribute, attribute);
    }

    private VariableResolution items(String value) {
        String rest = value.substring("$items.".length());
        String type;
        String name;
        String attribute;
        int marker = rest.lastIndexOf(".$");
        if (rest.contains(".$")) {
            String namePart = rest.substring(0, marker);
            attribute = pyStrip(rest.substring(marker + 2));
            int lastDot = namePart.lastIndexOf('.');
            if (lastDot < 0) {
                return VariableResolution.failed(value, "Invalid $items variable syntax: " + value
                        + ". Expected format: $items.type.name.$attribute");
            }
            type = pyStrip(namePart.substring(0, lastDot));
            name = pyStrip(namePart.substring(lastDot + 1));
        } else {
            String syntax = "Invalid $items variable syntax: " + value + ". Expected format: $items.type.name.attribute";
            int firstDot = rest.indexOf('.');
            if (firstDot < 0) {
                return VariableResolution.failed(value, syntax);
            }
            type = pyStrip(rest.substring(0, firstDot));
            String nameAndAttribute = rest.substring(firstDot + 1);
            int lastDot = nameAndAttribute.lastIndexOf('.');
            if (lastDot < 0) {
                return VariableResolution.failed(value, syntax);
            }
            name = pyStrip(nameAndAttribute.substring(0, lastDot));
            attribute = pyStrip(nameAndAttribute.substring(lastDot + 1));
        }
        String attrName = attribute.toLowerCase(Locale.ROOT);
        if (!ATTRIBUTES.contains(attrName)) {
            return VariableResolution.failed(value, "Attribute '" + attribute + "' is invalid. Supported attributes: "
                    + pyList(ATTRIBUTES));
        }
        if (!context.hasDeployedType(type)) {
            // The target workspace may hold types fabric-cicd does not deploy (e.g. SQLEndpoint), so only hint.
            String hint = FabricItemTypes.isSupported(type) ? ""
                    : " (" + type + " is not one of the item types fabric-cicd deploys"
                    + FabricItemTypes.closestSpelling(type).map(t -> "; did you mean " + t + "?").orElse("") + ")";
            return missing(value, "Item type '" + type + "' is invalid or not found in deployed items" + hint);
        }
        Optional<DeployedItem> item = context.deployedItem(type, name);
        if (item.isEmpty()) {
            return missing(value, "Item '" + name + "' not found as a deployed " + type);
        }
        return attributeOf(value, item.get(), attribute, attrName);
    }

    private VariableResolution attributeOf(String value, DeployedItem item, String written, String attrName) {
        Optional<String> found = item.attribute(attrName);
        if (found.isPresent()) {
            return VariableResolution.resolved(value, found.get());
        }
        String why = "Value does not exist for attribute '" + written + "' in the " + item.type() + " item '"
                + item.displayName() + "'";
        Set<String> types = ATTRIBUTE_TYPES.get(attrName);
        // An attribute the type never has fails whatever the tenant says; a missing one may just not be looked up.
        return types != null && !types.contains(item.type()) ? VariableResolution.failed(value, why)
                : missing(value, why);
    }

    private VariableResolution known(String value, Optional<String> found, String why) {
        return found.map(v -> VariableResolution.resolved(value, v)).orElseGet(() -> missing(value, why));
    }

    private VariableResolution missing(String value, String why) {
        return policy == UnresolvedPolicy.KEEP_PLACEHOLDER ? VariableResolution.placeholder(value, why)
                : VariableResolution.failed(value, why);
    }

    /** Python's {@code urllib.parse.quote(text, safe="")}: UTF-8, everything but {@code A-Za-z0-9_.-~} escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Python's {@code str.strip()}: removes Unicode whitespace, including no-break spaces. */
    private static String pyStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPySpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isPySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
    }

    /** A Python list of strings as {@code str(list)} prints it. */
    static String pyList(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(pyRepr(values.get(i)));
        }
        return out.append(']').toString();
    }

    /** Python's {@code repr} of a string: single quotes unless the text holds a single quote and no double quote. */
    static String pyRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
