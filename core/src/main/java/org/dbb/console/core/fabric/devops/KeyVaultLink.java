package org.dbb.console.core.fabric.devops;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Key Vault a variable group is linked to. Immutable.
 *
 * @param vault             the vault name
 * @param serviceEndpointId the Azure DevOps service connection used to read it
 * @param lastRefreshedOn   when Azure DevOps last synchronised the secret names
 */
public record KeyVaultLink(String vault, String serviceEndpointId, Optional<Instant> lastRefreshedOn) {

    public KeyVaultLink {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(serviceEndpointId, "serviceEndpointId");
        Objects.requireNonNull(lastRefreshedOn, "lastRefreshedOn");
    }
}
