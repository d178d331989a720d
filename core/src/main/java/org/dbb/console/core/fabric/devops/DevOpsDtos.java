package org.dbb.console.core.fabric.devops;

import static org.dbb.console.core.fabric.http.JsonCodec.optional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.core.fabric.http.WireTimes;

/**
 * The Azure DevOps variable-group body as Jackson reads it, and its one conversion into the domain records.
 * Nothing outside this package sees these types. Immutable.
 */
final class DevOpsDtos {

    private DevOpsDtos() {
    }

    record VariableDto(String value, Boolean isSecret, Boolean isReadOnly, Boolean enabled, String contentType,
            String expires) {

        GroupVariable toDomain(String name, boolean keyVaultGroup) {
            // Key Vault-linked variables are secrets held in the vault; Azure DevOps returns only their names
            boolean secret = keyVaultGroup || Boolean.TRUE.equals(isSecret);
            return new GroupVariable(name, Optional.ofNullable(value), secret, Boolean.TRUE.equals(isReadOnly),
                    Optional.ofNullable(enabled), optional(contentType), WireTimes.parse(expires));
        }
    }

    record ProviderDataDto(String serviceEndpointId, String vault, String lastRefreshedOn) {
    }

    record VariableGroupDto(Integer id, String name, String description, String type,
            Map<String, VariableDto> variables, ProviderDataDto providerData) {

        VariableGroup toDomain(int requestedId) {
            VariableGroupType groupType = VariableGroupType.parse(type);
            boolean keyVault = groupType == VariableGroupType.AZURE_KEY_VAULT;
            Map<String, GroupVariable> vars = new LinkedHashMap<>();
            if (variables != null) {
                variables.forEach((n, v) -> vars.put(n, v == null
                        ? new VariableDto(null, keyVault, false, null, null, null).toDomain(n, keyVault)
                        : v.toDomain(n, keyVault)));
            }
            Optional<KeyVaultLink> link = keyVault && providerData != null
                    ? Optional.of(new KeyVaultLink(providerData.vault() == null ? "" : providerData.vault(),
                            providerData.serviceEndpointId() == null ? "" : providerData.serviceEndpointId(),
                            WireTimes.parse(providerData.lastRefreshedOn())))
                    : Optional.empty();
            return new VariableGroup(id == null ? requestedId : id, name == null ? "" : name, optional(description),
                    groupType, vars, link);
        }
    }
}
