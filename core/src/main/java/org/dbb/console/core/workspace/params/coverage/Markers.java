package org.dbb.console.core.workspace.params.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.EnvironmentValues;
import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.KeyValueReplaceEntry;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;

/**
 * Marker texts that take the place of every replacement value, so that applying the parameter file with the real
 * resolver leaves a visible, attributable trace wherever something is replaced — also where the environment's value
 * happens to equal the repository's (a DEV column that repeats the DEV id). Each entry keeps its environment keys,
 * so an entry without a value for the environment still replaces nothing. Immutable.
 *
 * @param prefix text found in no item file, which every marker starts with
 */
record Markers(String prefix) {

    /** A prefix that none of {@code texts} contains. */
    static Markers unusedIn(List<String> texts) {
        int n = 0;
        String prefix;
        do {
            prefix = "zzdbbcov" + (n == 0 ? "" : Integer.toString(n)) + "q";
            n++;
        } while (contains(texts, prefix));
        return new Markers(prefix);
    }

    private static boolean contains(List<String> texts, String prefix) {
        for (String text : texts) {
            if (text.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    String findReplace(int number) {
        return prefix + "fr" + number + "zz";
    }

    String keyValue(int number) {
        return prefix + "kv" + number + "zz";
    }

    String logicalId(int itemIndex) {
        return prefix + "li" + itemIndex + "zz";
    }

    String workspace() {
        return prefix + "wszz";
    }

    /** The parameter file with every replacement value turned into its entry's marker. */
    ParameterFile marked(ParameterFile parameters) {
        List<FindReplaceEntry> findReplace = new ArrayList<>();
        for (FindReplaceEntry e : parameters.findReplace()) {
            findReplace.add(new FindReplaceEntry(e.number(), e.position(), e.findValue(),
                    markAll(e.replaceValue(), findReplace(e.number())), e.regex(), e.ignoreCase(), e.filters()));
        }
        List<KeyValueReplaceEntry> keyValues = new ArrayList<>();
        for (KeyValueReplaceEntry e : parameters.keyValueReplace()) {
            keyValues.add(new KeyValueReplaceEntry(e.number(), e.position(), e.findKey(),
                    markAll(e.replaceValue(), keyValue(e.number())), e.filters()));
        }
        return new ParameterFile(parameters.path(), findReplace, keyValues, List.of(), Optional.empty(),
                parameters.templates());
    }

    /**
     * The parameter file reduced to its {@code key_value_replace} entries, none with a value for any environment:
     * applying it re-serialises exactly the files the real run re-serialises, and changes no value, which gives
     * the text the real run's output can be compared with.
     */
    static ParameterFile serialisationOnly(ParameterFile parameters) {
        List<KeyValueReplaceEntry> keyValues = parameters.keyValueReplace().stream()
                .map(e -> new KeyValueReplaceEntry(e.number(), e.position(), e.findKey(),
                        new EnvironmentValues<>(Map.of()), e.filters()))
                .toList();
        return new ParameterFile(parameters.path(), List.of(), keyValues, List.of(), Optional.empty(),
                parameters.templates());
    }

    /** A target workspace whose id and every repository item's deployed id are markers. */
    ReplacementContext context(ItemScan scan) {
        ReplacementContext.Builder context = ReplacementContext.builder().workspaceId(workspace());
        List<Item> items = scan.items();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).logicalId().equals(Item.ZERO_GUID)) {
                context.logicalId(items.get(i).logicalId(), logicalId(i));
            }
        }
        return context.build();
    }

    /** What the first marker in {@code text} stands for, in the operator's words. */
    Optional<String> describe(String text, ItemScan scan) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(fr|kv|li|ws)(\\d*)zz").matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(1)) {
            case "fr" -> "find_replace " + m.group(2);
            case "kv" -> "key_value_replace " + m.group(2);
            case "li" -> "fabric-cicd: logicalId of " + scan.items().get(Integer.parseInt(m.group(2))).label();
            default -> "fabric-cicd: all-zero workspace id";
        });
    }

    /** Whether a {@link #describe} result names fabric-cicd's own replacement rather than an entry. */
    static boolean isFabricCicd(String description) {
        return description.startsWith("fabric-cicd:");
    }

    /** {@code text} with markers shown as what they stand for, for messages the resolver wrote. */
    String unmark(String text) {
        return text.replaceAll(Pattern.quote(prefix) + "[a-z]+\\d*zz", "(marker)");
    }

    private static <T> EnvironmentValues<T> markAll(EnvironmentValues<? extends T> values, T marker) {
        Map<String, T> marked = new LinkedHashMap<>();
        values.values().keySet().forEach(k -> marked.put(k, marker));
        return new EnvironmentValues<>(marked);
    }
}
