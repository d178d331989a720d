package org.dbb.console.core.workspace.params.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller knows about the deployment target, for resolving {@code $workspace}/{@code $items} variables
 * and (optionally) logicalIds: the target workspace's id and name, the items deployed in it, other workspaces by
 * name, and a logicalId → deployed id map. Without a tenant connection it may be {@link #empty()}; unresolvable
 * variables are then reported, never guessed. Immutable and thread-safe.
 *
 * @param workspaceId           the target workspace id ({@code $workspace.$id})
 * @param workspaceName         the target workspace display name ({@code $workspace.$name})
 * @param deployedItems         the items deployed in the target workspace ({@code $items.…})
 * @param otherWorkspaces       other workspaces, by display name ({@code $workspace.<Name>…})
 * @param logicalIdToDeployedId logicalIds of repository items mapped to the ids of their deployed items
 */
public record ReplacementContext(Optional<String> workspaceId, Optional<String> workspaceName,
                                 List<DeployedItem> deployedItems, List<OtherWorkspace> otherWorkspaces,
                                 Map<String, String> logicalIdToDeployedId) {

    public ReplacementContext {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceName, "workspaceName");
        deployedItems = List.copyOf(deployedItems);
        otherWorkspaces = List.copyOf(otherWorkspaces);
        logicalIdToDeployedId = Map.copyOf(logicalIdToDeployedId);
    }

    /** Nothing known: every variable except literals stays unresolved. */
    public static ReplacementContext empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The deployed item of that type and display name in the target workspace. */
    public Optional<DeployedItem> deployedItem(String type, String displayName) {
        return deployedItems.stream().filter(i -> i.is(type, displayName)).findFirst();
    }

    /** Whether any item of {@code type} is deployed in the target workspace. */
    public boolean hasDeployedType(String type) {
        return deployedItems.stream().anyMatch(i -> i.type().equals(type));
    }

    /** The workspace with that display name; the target workspace counts too. */
    public Optional<OtherWorkspace> workspaceNamed(String name) {
        Optional<OtherWorkspace> other = otherWorkspaces.stream().filter(w -> w.name().equals(name)).findFirst();
        if (other.isPresent()) {
            return other;
        }
        if (workspaceName.filter(name::equals).isPresent() && workspaceId.isPresent()) {
            return Optional.of(new OtherWorkspace(name, workspaceId.get(), deployedItems));
        }
        return Optional.empty();
    }

    /** The deployed id for a logicalId, from the explicit map (compared without case, as GUIDs are). */
    public Optional<String> deployedIdForLogicalId(String logicalId) {
        String direct = logicalIdToDeployedId.get(logicalId);
        if (direct != null) {
            return Optional.of(direct);
        }
        return logicalIdToDeployedId.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(logicalId))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Builds a context step by step. Not thread-safe; the built context is. */
    public static final class Builder {

        private String workspaceId;
        private String workspaceName;
        private final List<DeployedItem> deployedItems = new ArrayList<>();
        private final List<OtherWorkspace> otherWorkspaces = new ArrayList<>();
        private final Map<String, String> logicalIds = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder workspace(String id, String name) {
            this.workspaceId = id;
            this.workspaceName = name;
            return this;
        }

        public Builder workspaceId(String id) {
            this.workspaceId = id;
            return this;
        }

        public Builder workspaceName(String name) {
            this.workspaceName = name;
            return this;
        }

        public Builder deployed(DeployedItem item) {
            deployedItems.add(item);
            return this;
        }

        public Builder deployed(String type, String displayName, String id) {
            return deployed(DeployedItem.of(type, displayName, id));
        }

        public Builder otherWorkspace(OtherWorkspace workspace) {
            otherWorkspaces.add(workspace);
            return this;
        }

        public Builder logicalId(String logicalId, String deployedId) {
            logicalIds.put(logicalId, deployedId);
            return this;
        }

        public ReplacementContext build() {
            return new ReplacementContext(Optional.ofNullable(workspaceId), Optional.ofNullable(workspaceName),
                    deployedItems, otherWorkspaces, logicalIds);
        }
    }
}
