package org.dbb.console.core.variables;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.devops.KeyVaultLink;
import org.dbb.console.core.fabric.devops.VariableGroupType;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * The variable group an environment's variables were read from, without its variables. Immutable.
 *
 * @param ref      where it lives (organization, project, id)
 * @param name     its name in Azure DevOps
 * @param type     normal or Key Vault-linked
 * @param keyVault the linked vault, for a Key Vault group
 */
public record GroupInfo(VariableGroupRef ref, String name, VariableGroupType type, Optional<KeyVaultLink> keyVault) {

    public GroupInfo {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyVault, "keyVault");
    }

    /** Whether the group's variables are Key Vault secrets. */
    public boolean linkedToKeyVault() {
        return type == VariableGroupType.AZURE_KEY_VAULT;
    }

    /** The group in words, e.g. {@code variable group 12 'dbb-dev' (contoso/DataBackBone)}. */
    public String describe() {
        return (linkedToKeyVault() ? "Key Vault-linked " : "") + "variable group " + ref.groupId()
                + (name.isBlank() ? "" : " '" + name + "'") + " (" + ref.organization() + "/" + ref.project() + ")";
    }
}
