package org.dbb.console.core.workspace.params.picker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dbb.console.core.workspace.FabricItemTypes;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.VariableSyntax;

/**
 * Completions for the dynamic replacement variables fabric-cicd 1.3.0 resolves in {@code replace_value}:
 * {@code $workspace.$id}, {@code $workspace.$name}, {@code $workspace.$name_encoded}, and
 * {@code $items.<Type>.<Name>.$<attribute>} with the types and names of the workspace's own items and only the
 * attributes fabric-cicd supports for that type. Names are matched ignoring case but inserted exactly, since
 * fabric-cicd compares them exactly. Stateless and thread-safe.
 */
public final class VariableCompletion {

    private static final String ITEMS = "$items.";
    private static final String WORKSPACE = "$workspace.";
    private static final Map<String, String> WORKSPACE_VARIABLES = orderedMap(
            "$workspace.$id", "the id of the workspace being deployed to",
            "$workspace.$name", "the display name of the workspace being deployed to",
            "$workspace.$name_encoded", "the workspace's display name, URL-encoded");
    private static final Map<String, String> ATTRIBUTE_DETAILS = Map.of(
            "id", "the id of the item deployed in the target workspace",
            "sqlendpoint", "the SQL endpoint (server FQDN) of the deployed item",
            "sqlendpointid", "the id of the deployed item's SQL endpoint",
            "queryserviceuri", "the query service URI of the deployed Eventhouse");

    private VariableCompletion() {
    }

    /**
     * The completions of {@code typed}, the value as typed so far; empty unless it starts a variable.
     *
     * @param items the workspace's items; their types and names are offered
     */
    public static List<CompletionCandidate> complete(String typed, ItemScan items) {
        List<CompletionCandidate> out = new ArrayList<>();
        if (!typed.startsWith("$")) {
            return out;
        }
        if (typed.startsWith(ITEMS)) {
            completeItems(typed.substring(ITEMS.length()), items, out);
            return out;
        }
        if (ITEMS.startsWith(typed)) {
            out.add(new CompletionCandidate(ITEMS, ITEMS, "an attribute of an item of this workspace, as deployed"
                    + " to the target", false, Optional.empty()));
        }
        if (WORKSPACE.startsWith(typed) || typed.startsWith(WORKSPACE)) {
            WORKSPACE_VARIABLES.forEach((variable, detail) -> {
                if (variable.startsWith(typed)) {
                    out.add(new CompletionCandidate(variable, variable, detail, true, Optional.empty()));
                }
            });
        }
        return out;
    }

    private static void completeItems(String rest, ItemScan items, List<CompletionCandidate> out) {
        int dot = rest.indexOf('.');
        if (dot < 0) {
            Map<String, Integer> types = new TreeMap<>();
            for (Item item : items.items()) {
                if (FabricItemTypes.isSupported(item.type())) {
                    types.merge(item.type(), 1, Integer::sum);
                }
            }
            types.forEach((type, count) -> {
                if (startsWithIgnoringCase(type, rest)) {
                    out.add(new CompletionCandidate(ITEMS + type + ".", type, count + " item" + (count == 1 ? ""
                            : "s") + " in this workspace", false, Optional.empty()));
                }
            });
            return;
        }
        String typed = rest.substring(0, dot);
        Optional<String> type = items.items().stream().map(Item::type).filter(FabricItemTypes::isSupported)
                .filter(t -> t.equalsIgnoreCase(typed)).findFirst();
        if (type.isEmpty()) {
            return;
        }
        String afterType = rest.substring(dot + 1);
        int marker = afterType.lastIndexOf(".$");
        if (marker >= 0) {
            completeAttribute(type.get(), afterType.substring(0, marker), afterType.substring(marker + 2), items,
                    out);
            return;
        }
        List<String> attributes = VariableSyntax.attributesOf(type.get());
        for (Item item : items.ofType(type.get())) {
            String name = item.displayName();
            if (!startsWithIgnoringCase(name, afterType)) {
                continue;
            }
            String base = ITEMS + type.get() + "." + name + ".$";
            Optional<String> problem = name.contains(".")
                    ? Optional.of("fabric-cicd splits the variable at the last '.', so an item whose name contains"
                    + " '.' cannot be referenced with $items")
                    : Optional.empty();
            if (attributes.size() == 1) {
                String attribute = attributes.get(0);
                out.add(new CompletionCandidate(base + attribute, name, ATTRIBUTE_DETAILS.get(attribute), true,
                        problem));
            } else {
                out.add(new CompletionCandidate(base, name, "then one of " + String.join(", ", attributes.stream()
                        .map(a -> "$" + a).toList()), false, problem));
            }
        }
    }

    private static void completeAttribute(String type, String name, String prefix, ItemScan items,
                                          List<CompletionCandidate> out) {
        if (items.find(type, name).isEmpty()) {
            return;
        }
        for (String attribute : VariableSyntax.attributesOf(type)) {
            if (attribute.startsWith(prefix.toLowerCase(Locale.ROOT))) {
                out.add(new CompletionCandidate(ITEMS + type + "." + name + ".$" + attribute, "$" + attribute,
                        ATTRIBUTE_DETAILS.get(attribute), true, Optional.empty()));
            }
        }
    }

    private static boolean startsWithIgnoringCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
