package org.dbb.console.core.workspace.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.FabricItemTypes;
import org.dbb.console.core.workspace.ItemScan;

/**
 * The dynamic replacement variables of fabric-cicd 1.3.0 ({@code $workspace.*}, {@code $items.*}), parsed exactly as
 * its publish step parses them, so that mistakes it only finds while deploying can be reported while editing.
 * Stateless and thread-safe.
 */
public final class VariableSyntax {

    /** Attributes fabric-cicd can look up ({@code ITEM_ATTR_LOOKUP}). */
    public static final List<String> ATTRIBUTES = List.of("id", "sqlendpoint", "sqlendpointid", "queryserviceuri");

    /** Which item types carry each non-id attribute. */
    private static final Map<String, Set<String>> ATTRIBUTE_TYPES = Map.of(
            "sqlendpoint", Set.of("Lakehouse", "MirroredDatabase", "Warehouse", "SQLDatabase"),
            "sqlendpointid", Set.of("Lakehouse", "MirroredDatabase"),
            "queryserviceuri", Set.of("Eventhouse"));

    static final String EXPECTED_FORMATS = "Expected format: $items.type.name.$attribute or $workspace.$id or"
            + " $workspace.$name or $workspace.$name_encoded or $workspace.<name>.$id or"
            + " $workspace.<name>.$items.<type>.<name>.$attribute";

    /** How serious a finding is: {@code PUBLISH_ERROR} stops fabric-cicd at publish, {@code DEPRECATED} does not. */
    public enum Kind { PUBLISH_ERROR, DEPRECATED }

    /** One finding about a variable. */
    public record Finding(Kind kind, String message) {
    }

    /** A parsed {@code $items} reference. */
    public record ItemReference(String type, String name, String attribute, boolean legacy) {
    }

    private VariableSyntax() {
    }

    /**
     * The attributes fabric-cicd 1.3.0 can resolve for items of {@code type}, in {@link #ATTRIBUTES} order:
     * {@code id} for every type, the SQL endpoint ones and the query URI only for the types that carry them.
     */
    public static List<String> attributesOf(String type) {
        return ATTRIBUTES.stream().filter(a -> !ATTRIBUTE_TYPES.containsKey(a)
                || ATTRIBUTE_TYPES.get(a).contains(type)).toList();
    }

    /** Whether fabric-cicd treats the text as a variable (it starts with {@code $}). */
    public static boolean isVariable(String value) {
        return value.startsWith("$");
    }

    /**
     * What fabric-cicd would say about a replace value when publishing; empty for plain text and valid variables.
     *
     * @param value a replace value
     * @param items the repository's items, to check that {@code $items} names exist; empty to skip that check
     */
    public static List<Finding> check(String value, Optional<ItemScan> items) {
        List<Finding> out = new ArrayList<>();
        if (!isVariable(value)) {
            return out;
        }
        if (value.startsWith("$workspace.")) {
            checkWorkspace(value, out);
        } else if (value.startsWith("$items.")) {
            parseItems(value, out).ifPresent(ref -> checkItem(ref, items, out));
        } else {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Invalid replace_value variable format: '" + value + "'. "
                    + EXPECTED_FORMATS));
        }
        return out;
    }

    private static void checkWorkspace(String value, List<Finding> out) {
        if (value.equals("$workspace.id")) {
            out.add(new Finding(Kind.DEPRECATED, "'$workspace.id' is the legacy form of '$workspace.$id'"));
            return;
        }
        if (value.equals("$workspace.$id") || value.equals("$workspace.$name")
                || value.equals("$workspace.$name_encoded")) {
            return;
        }
        String var = value.substring("$workspace.".length());
        if (!var.contains("$items.")) {
            return;
        }
        String attribute = null;
        for (String attr : ATTRIBUTES) {
            if (var.endsWith(".$" + attr)) {
                attribute = attr;
                break;
            }
        }
        if (attribute == null) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Invalid syntax or missing attribute in cross-workspace variable '"
                    + value + "'. Expected format: $workspace.name.$items.type.name.$attribute where attribute is"
                    + " one of: " + String.join(", ", ATTRIBUTES)));
            return;
        }
        int split = var.indexOf(".$items.");
        if (split < 0) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Error parsing $workspace variable: not enough values to unpack"
                    + " (expected 2, got 1)"));
            return;
        }
        String itemsPart = var.substring(split + ".$items.".length());
        String info = itemsPart.endsWith(".$" + attribute)
                ? itemsPart.substring(0, itemsPart.length() - attribute.length() - 2) : itemsPart;
        int dot = info.lastIndexOf('.');
        if (dot < 0) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Invalid $workspace variable syntax: " + value
                    + ". Expected format: $workspace.name.$items.type.name.$attribute"));
            return;
        }
        String type = PyValues.strip(info.substring(0, dot));
        if (!FabricItemTypes.isSupported(type)) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Item type '" + type + "' is invalid or not supported"
                    + dottedNameHint(type)));
        }
    }

    /** Parses {@code $items.type.name.$attribute} (or the legacy form without {@code $}) as fabric-cicd does. */
    public static Optional<ItemReference> parseItems(String value) {
        return parseItems(value, new ArrayList<>());
    }

    private static Optional<ItemReference> parseItems(String value, List<Finding> out) {
        String var = value.substring("$items.".length());
        String type;
        String name;
        String attribute;
        boolean legacy;
        int marker = var.lastIndexOf(".$");
        if (var.contains(".$")) {
            String namePart = var.substring(0, marker);
            attribute = PyValues.strip(var.substring(marker + 2));
            int dot = namePart.lastIndexOf('.');
            if (dot < 0) {
                out.add(new Finding(Kind.PUBLISH_ERROR, "Invalid $items variable syntax: " + value
                        + ". Expected format: $items.type.name.$attribute"));
                return Optional.empty();
            }
            type = PyValues.strip(namePart.substring(0, dot));
            name = PyValues.strip(namePart.substring(dot + 1));
            legacy = false;
        } else {
            String msg = "Invalid $items variable syntax: " + value + ". Expected format: $items.type.name.attribute";
            int first = var.indexOf('.');
            if (first < 0 || var.indexOf('.', first + 1) < 0) {
                out.add(new Finding(Kind.PUBLISH_ERROR, msg));
                return Optional.empty();
            }
            type = PyValues.strip(var.substring(0, first));
            String rest = var.substring(first + 1);
            int last = rest.lastIndexOf('.');
            name = PyValues.strip(rest.substring(0, last));
            attribute = PyValues.strip(rest.substring(last + 1));
            legacy = true;
        }
        return Optional.of(new ItemReference(type, name, attribute, legacy));
    }

    private static void checkItem(ItemReference ref, Optional<ItemScan> items, List<Finding> out) {
        String attr = ref.attribute().toLowerCase(java.util.Locale.ROOT);
        if (!ATTRIBUTES.contains(attr)) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Attribute '" + ref.attribute() + "' is invalid. Supported"
                    + " attributes: " + PyValues.reprList(ATTRIBUTES)));
            return;
        }
        if (!FabricItemTypes.isSupported(ref.type())) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Item type '" + ref.type()
                    + "' is invalid or not found in deployed items" + dottedNameHint(ref.type())
                    + FabricItemTypes.closestSpelling(ref.type()).map(t -> " (did you mean '" + t + "'?)").orElse("")));
            return;
        }
        if (items.isPresent() && items.get().find(ref.type(), ref.name()).isEmpty()) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Item '" + ref.name() + "' not found as a deployed " + ref.type()
                    + " (no " + ref.type() + " with that displayName is in the repository; names are compared"
                    + " exactly, case and spaces included)"));
            return;
        }
        Set<String> carriers = ATTRIBUTE_TYPES.get(attr);
        if (carriers != null && !carriers.contains(ref.type())) {
            out.add(new Finding(Kind.PUBLISH_ERROR, "Value does not exist for attribute '" + ref.attribute()
                    + "' in the " + ref.type() + " item '" + ref.name() + "' (only " + String.join(", ",
                    carriers.stream().sorted().toList()) + " items have it)"));
            return;
        }
        if (ref.legacy()) {
            out.add(new Finding(Kind.DEPRECATED, "The $items variable format has changed. Please update to the new"
                    + " format: $items.type.name.$attribute"));
        }
    }

    private static String dottedNameHint(String type) {
        return type.contains(".") ? " (the name is split at its last '.': an item name that contains '.' cannot be"
                + " referenced with $items.type.name.$attribute)" : "";
    }
}
