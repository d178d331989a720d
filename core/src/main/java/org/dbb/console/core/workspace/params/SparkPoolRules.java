package org.dbb.console.core.workspace.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dbb.console.core.workspace.params.YamlValue.Entry;
import org.dbb.console.core.workspace.params.YamlValue.Mapping;

/**
 * {@code spark_pool} entries: an {@code instance_pool_id} and, per environment, a {@code {type, name}} pool.
 * Confined to one validation; not thread-safe.
 */
final class SparkPoolRules extends ListParameterRules<SparkPoolEntry> {

    private static final Set<String> KEYS = Set.of("instance_pool_id", "replace_value", "item_name");

    SparkPoolRules(ValidationRun run) {
        super(run);
    }

    @Override
    String name() {
        return "spark_pool";
    }

    @Override
    String findKey() {
        return "instance_pool_id";
    }

    @Override
    Set<String> allowedKeys() {
        return KEYS;
    }

    @Override
    boolean checkRequiredExtras(Mapping entry) {
        return true;
    }

    @Override
    boolean checkReplaceValue(Mapping replaceValue) {
        for (Entry e : replaceValue.list()) {
            String env = e.key().str();
            if (!e.value().truthy()) {
                missingReplaceValue(name(), e);
                return false;
            }
            if (!e.key().isString()) {
                run.nonStringEnvironmentKey(e.key(), name() + " replace_value");
                return false;
            }
            if (!(e.value() instanceof Mapping pool)) {
                run.error(e.value().at(), ValidationRun.notOfType(env + " key", "dictionary", name())
                        + "; write 'type:' and 'name:' under the environment");
                return false;
            }
            boolean shape = pool.size() == 2 && pool.has("type") && pool.has("name");
            if (!shape) {
                run.error(pool.at(), "The '" + env + "' environment dict in spark_pool must contain a 'type' and a"
                        + " 'name' key");
                return false;
            }
            for (Entry field : pool.list()) {
                if (!field.value().truthy()) {
                    run.error(field.value().at(), "The '" + env + "' environment in spark_pool is missing a value"
                            + " for '" + field.key().str() + "' key");
                    return false;
                }
                if (!field.value().isString()) {
                    run.error(field.value().at(), ValidationRun.notOfType(field.key().str(), "string", name()));
                    return false;
                }
            }
            YamlValue type = pool.get("type").orElseThrow();
            if (!List.of("Capacity", "Workspace").contains(type.str())) {
                run.error(type.at(), "The '" + env + "' environment in spark_pool must contain 'Capacity' or"
                        + " 'Workspace' as a value for 'type' (case-sensitive)");
                return false;
            }
        }
        return true;
    }

    @Override
    void warnPublishTimeProblems(Mapping entry) {
        // The pool is looked up in the target workspace at publish; nothing can be checked offline.
    }

    @Override
    SparkPoolEntry build(Mapping entry, int number) {
        Map<String, SparkPoolTarget> values = new LinkedHashMap<>();
        ((Mapping) entry.get("replace_value").orElseThrow()).list().forEach(e -> {
            Mapping pool = (Mapping) e.value();
            values.put(e.key().str(), new SparkPoolTarget(pool.get("type").orElseThrow().str(),
                    pool.get("name").orElseThrow().str()));
        });
        return new SparkPoolEntry(number, entry.at(), entry.get("instance_pool_id").orElseThrow().str(),
                new EnvironmentValues<>(values), FilterRules.strings(entry, "item_name"));
    }
}
