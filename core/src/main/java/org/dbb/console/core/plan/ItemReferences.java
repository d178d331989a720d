package org.dbb.console.core.plan;

import java.util.Optional;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;

/**
 * Resolves the item an activity runs. In Git a same-workspace reference is the repository item's logicalId, which
 * becomes the environment's item of the same type and name; after parameterisation it may already be a deployed
 * item's id. Immutable.
 */
final class ItemReferences {

    private final Workspace repo;
    private final EnvironmentCatalog catalog;

    ItemReferences(Workspace repo, EnvironmentCatalog catalog) {
        this.repo = repo;
        this.catalog = catalog;
    }

    Target find(String reference) {
        String id = reference.strip();
        Optional<Item> inRepo = id.equals(Item.ZERO_GUID) ? Optional.empty() : repo.items().byLogicalId(id);
        Optional<EnvironmentCatalog.CatalogItem> deployed = inRepo.isPresent()
                ? inRepo.flatMap(i -> catalog.item(i.type(), i.displayName()))
                : catalog.itemById(id);
        return new Target(id, inRepo, deployed);
    }

    /** Whether a workspace reference means the environment's own workspace. */
    boolean isOwnWorkspace(String workspaceId) {
        String id = workspaceId.strip();
        return id.isEmpty() || id.equals(Item.ZERO_GUID) || id.equalsIgnoreCase(catalog.workspaceId());
    }

    /**
     * What a reference points at.
     *
     * @param reference the id as written (after parameterisation)
     * @param inRepo    the repository item whose logicalId it is
     * @param deployed  the environment's item it runs
     */
    record Target(String reference, Optional<Item> inRepo, Optional<EnvironmentCatalog.CatalogItem> deployed) {

        /** The item's type and name as far as known, for messages. */
        String describe(String expectedKind) {
            return inRepo.map(i -> expectedKind + " " + i.displayName() + " (logicalId " + reference + ")")
                    .or(() -> deployed.map(d -> expectedKind + " " + d.displayName() + " (" + reference + ")"))
                    .orElse(expectedKind + " " + reference);
        }
    }
}
