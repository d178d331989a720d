package org.dbb.console.core.auth;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.config.SettingValue;

/**
 * A sign-in setting after {@code $ENV:NAME} resolution. The value lives in memory only; secrets print masked.
 * Immutable and thread-safe.
 *
 * @param setting   the setting's name in {@code dbb-console.yml} (e.g. {@code clientSecret})
 * @param value     the resolved value (secret when {@link #secret()})
 * @param secret    whether the value must never be shown, logged or written
 * @param origin    where the value came from
 * @param reference the {@code $ENV:NAME} text it was resolved from, when it was a reference
 */
public record ResolvedSetting(String setting, String value, boolean secret, SettingOrigin origin,
                              Optional<String> reference) {

    public ResolvedSetting {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reference, "reference");
    }

    /** What may be shown: the value, or for a secret the mask and the reference it came from. */
    public String display() {
        if (!secret) {
            return value;
        }
        return reference.map(r -> SettingValue.MASK + " (" + r + ")").orElse(SettingValue.MASK);
    }

    @Override
    public String toString() {
        return setting + "=" + display();
    }
}
