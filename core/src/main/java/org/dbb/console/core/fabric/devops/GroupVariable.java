package org.dbb.console.core.fabric.devops;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.http.Redaction;

/**
 * One variable of a variable group. Azure DevOps never returns secret values: a secret has no value here and must
 * be read from its real store. Key Vault-linked variables are always secret. Immutable; {@code toString} masks
 * secrets.
 *
 * @param name        the variable name
 * @param value       the value; always empty for a secret
 * @param secret      whether the value is secret
 * @param readOnly    whether the variable is read-only
 * @param enabled     for a Key Vault secret, whether it is enabled
 * @param contentType for a Key Vault secret, its content type
 * @param expires     for a Key Vault secret, when it expires
 */
public record GroupVariable(String name, Optional<String> value, boolean secret, boolean readOnly,
        Optional<Boolean> enabled, Optional<String> contentType, Optional<Instant> expires) {

    public GroupVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (secret) {
            // even if a server sent one, a secret value must never sit in memory next to ordinary values
            value = Optional.empty();
        }
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(expires, "expires");
    }

    @Override
    public String toString() {
        return "GroupVariable[" + name + "=" + (secret ? Redaction.MASK + " (secret)" : value.orElse(""))
                + (readOnly ? ", read-only" : "") + "]";
    }
}
