package org.dbb.console.core.workspace.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.json.TextPosition;

/**
 * One activity of a pipeline, as written in its file, with its place in that file. Fields the console does not
 * model stay available through {@link #json()} and {@link #typeProperties()}. Immutable; JSON accessors return
 * copies.
 *
 * @param name             unique within the pipeline in valid Fabric files
 * @param type             the {@code type} as written, e.g. {@code TridentNotebook}
 * @param description      the description, if any
 * @param dependsOn        upstream siblings and the outcomes this activity waits for
 * @param policy           the {@code policy} object as written; empty when the file has none
 * @param state            active unless the file says {@code Inactive}
 * @param onInactiveMarkAs the status an inactive activity reports, if written
 * @param typeProperties   {@code typeProperties} as written, or an empty object
 * @param details          the typed reading of {@code typeProperties}
 * @param jsonPath         where the activity sits, e.g. {@code $.properties.activities[3]}
 * @param position         line and column of the activity's opening brace
 * @param json             the whole activity object as written
 */
public record Activity(String name, String type, Optional<String> description, List<Dependency> dependsOn,
                       Optional<ActivityPolicy> policy, ActivityState state,
                       Optional<InactiveOutcome> onInactiveMarkAs, JsonNode typeProperties, ActivityDetails details,
                       ConcretePath jsonPath, TextPosition position, JsonNode json) {

    public Activity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(jsonPath, "jsonPath");
        dependsOn = List.copyOf(dependsOn);
        typeProperties = typeProperties.deepCopy();
        json = json.deepCopy();
    }

    @Override
    public JsonNode typeProperties() {
        return typeProperties.deepCopy();
    }

    @Override
    public JsonNode json() {
        return json.deepCopy();
    }

    public ActivityKind kind() {
        return ActivityKind.of(type);
    }

    public boolean isActive() {
        return state == ActivityState.ACTIVE;
    }

    /** The policy Fabric applies: the written one, or an all-absent one whose effective values are Fabric's defaults. */
    public ActivityPolicy effectivePolicy() {
        return policy.orElse(ActivityPolicy.absent());
    }

    /** The details as {@code type} when they are of that type, e.g. {@code details(ForEachDetails.class)}. */
    public <T extends ActivityDetails> Optional<T> details(Class<T> type) {
        return type.isInstance(details) ? Optional.of(type.cast(details)) : Optional.empty();
    }

    /** Directly contained activities (ForEach, IfCondition, Switch, Until), in file order. */
    public List<Activity> children() {
        return details.childActivities();
    }
}
