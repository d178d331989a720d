package org.dbb.console.core.workspace.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;
import org.dbb.console.core.workspace.params.YamlValue.Sequence;

/**
 * The optional {@code item_type}, {@code item_name} and {@code file_path} filters: their types (an error when
 * wrong) and whether they match the repository (only a warning, as in fabric-cicd, including its quirk that only
 * the last value of a list decides). Confined to one validation; not thread-safe.
 */
final class FilterRules {

    static final List<String> FILTER_KEYS = List.of("item_type", "item_name", "file_path");

    private final ValidationRun run;

    FilterRules(ValidationRun run) {
        this.run = run;
    }

    private static boolean skipsFilters(String param, Mapping entry) {
        if (param.equals("find_replace")) {
            return FILTER_KEYS.stream().noneMatch(k -> entry.get(k).map(YamlValue::truthy).orElse(false));
        }
        if (param.equals("spark_pool")) {
            return !entry.get("item_name").map(YamlValue::truthy).orElse(false);
        }
        return false;
    }

    /** fabric-cicd's "optional values" step; reports an error and returns false on a wrongly typed filter. */
    boolean checkTypes(String param, Mapping entry) {
        if (skipsFilters(param, entry)) {
            return true;
        }
        for (String key : FILTER_KEYS) {
            Optional<YamlValue> value = entry.get(key).filter(YamlValue::truthy);
            if (value.isPresent() && !ValidationRun.hasType(value.get(), "string or list[string]")) {
                run.error(value.get().at(), ValidationRun.notOfType(key, "string or list[string]", param)
                        + "; write one string or a list of strings");
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that the filters match something in the repository, warning as fabric-cicd logs; returns false when
     * fabric-cicd would report "unmatched optional filters".
     */
    boolean checkMatches(String param, Mapping entry) {
        if (skipsFilters(param, entry)) {
            return true;
        }
        for (String key : FILTER_KEYS) {
            Optional<YamlValue> value = entry.get(key).filter(YamlValue::truthy);
            if (value.isEmpty()) {
                continue;
            }
            List<YamlValue> values = values(value.get());
            boolean matched = switch (key) {
                case "item_type" -> lastDecides(values, v -> ValidationRun.itemTypesInScope().contains(v),
                        v -> "Item type '" + v + "' not in scope", "; use one of " + ValidationRun.itemTypesInScope());
                case "item_name" -> run.items().isEmpty() || lastDecides(values,
                        v -> displayNames(run.items().get()).contains(v),
                        v -> "Item name '" + v + "' not found in the repository directory",
                        "; item_name must equal an item's displayName in its .platform file");
                default -> run.items().isEmpty() || filePathsMatch(value.get(), values, run.items().get());
            };
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private interface Check {
        boolean ok(String value);
    }

    private interface Message {
        String of(String value);
    }

    private boolean lastDecides(List<YamlValue> values, Check check, Message message, String hint) {
        boolean lastOk = true;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).str();
            boolean ok = check.ok(v);
            if (i == values.size() - 1) {
                lastOk = ok;
                if (!ok) {
                    run.warning(values.get(i).at(), message.of(v) + hint);
                }
            } else if (!ok) {
                run.warning(values.get(i).at(), message.of(v) + hint + " (fabric-cicd only checks the last value"
                        + " of the list, so it does not report this one)");
            }
        }
        return lastOk;
    }

    private static Set<String> displayNames(ItemScan scan) {
        return scan.items().stream().map(Item::displayName).collect(Collectors.toSet());
    }

    private boolean filePathsMatch(YamlValue value, List<YamlValue> values, ItemScan scan) {
        List<String> inputs = values.stream().map(YamlValue::str).toList();
        RepositoryPaths.Outcome outcome = RepositoryPaths.resolve(scan.root(), inputs);
        outcome.messages().forEach(m -> run.warning(value.at(), m
                + "; file_path is relative to the repository directory, not to the item folder"));
        if (outcome.files().isEmpty()) {
            run.warning(value.at(), "No valid file path found in the repository directory for "
                    + PyValues.reprList(inputs));
            return false;
        }
        int missing = inputs.size() - outcome.files().size();
        if (missing > 0) {
            run.warning(value.at(), "Number of paths in list '" + PyValues.reprList(inputs)
                    + "' that are invalid or not found in the repository directory: " + missing);
            return false;
        }
        return true;
    }

    static List<YamlValue> values(YamlValue value) {
        return value instanceof Sequence seq ? seq.items() : List.of(value);
    }

    /** The filters as the domain model holds them: falsy means "no filter". */
    static ItemFilters model(Mapping entry) {
        return new ItemFilters(strings(entry, "item_type"), strings(entry, "item_name"), strings(entry, "file_path"));
    }

    static List<String> strings(Mapping entry, String key) {
        List<String> out = new ArrayList<>();
        entry.get(key).filter(YamlValue::truthy).ifPresent(v -> values(v).forEach(x -> out.add(x.str())));
        return out;
    }
}
