package org.dbb.console.core.workspace.params.resolve;

import java.util.Objects;
import java.util.Set;

import org.dbb.console.core.workspace.FabricItemTypes;

/**
 * How {@link ParameterResolver} runs. Immutable.
 *
 * @param unresolvedPolicy   what to do with variables the context cannot resolve
 * @param replaceIdentifiers also run fabric-cicd's steps 2 and 4 around parameterisation: logicalIds become
 *                           deployed ids and all-zero {@code workspaceId}/{@code workspace}/
 *                           {@code default_lakehouse_workspace_id} values become the target workspace id
 * @param itemTypesInScope   fabric-cicd's {@code item_type_in_scope}: items of other types are not published
 * @param shortcutPublish    fabric-cicd's {@code enable_shortcut_publish} flag: Lakehouse
 *                           {@code shortcuts.metadata.json} files are parameterised too
 */
public record ResolverOptions(UnresolvedPolicy unresolvedPolicy, boolean replaceIdentifiers,
                              Set<String> itemTypesInScope, boolean shortcutPublish) {

    public ResolverOptions {
        Objects.requireNonNull(unresolvedPolicy, "unresolvedPolicy");
        itemTypesInScope = Set.copyOf(itemTypesInScope);
    }

    /** As a deployment runs: unresolved variables fail, identifiers untouched, every type in scope. */
    public static ResolverOptions defaults() {
        return new ResolverOptions(UnresolvedPolicy.FAIL, false, Set.copyOf(FabricItemTypes.SUPPORTED), false);
    }

    /** For a preview without a tenant: unresolved variables stay visible as placeholders. */
    public static ResolverOptions preview() {
        return defaults().withUnresolvedPolicy(UnresolvedPolicy.KEEP_PLACEHOLDER);
    }

    public ResolverOptions withUnresolvedPolicy(UnresolvedPolicy policy) {
        return new ResolverOptions(policy, replaceIdentifiers, itemTypesInScope, shortcutPublish);
    }

    public ResolverOptions withReplaceIdentifiers(boolean value) {
        return new ResolverOptions(unresolvedPolicy, value, itemTypesInScope, shortcutPublish);
    }

    public ResolverOptions withItemTypesInScope(Set<String> types) {
        return new ResolverOptions(unresolvedPolicy, replaceIdentifiers, types, shortcutPublish);
    }

    public ResolverOptions withShortcutPublish(boolean value) {
        return new ResolverOptions(unresolvedPolicy, replaceIdentifiers, itemTypesInScope, value);
    }
}
