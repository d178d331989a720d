package org.dbb.console.core.workspace.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value from {@code dbb-console.yml} that is either literal text or a {@code $ENV:NAME} reference resolved
 * later from the environment's variable group, then the OS environment. Secret values print masked. Immutable.
 *
 * @param raw    the text as written
 * @param secret whether the value must never be shown, logged or written by the console
 */
public record SettingValue(String raw, boolean secret) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("^\\$ENV:([A-Za-z_][A-Za-z0-9_.]*)$");

    /** Shown in place of secret values. */
    public static final String MASK = "••••••";

    public SettingValue {
        Objects.requireNonNull(raw, "raw");
    }

    public static SettingValue plain(String raw) {
        return new SettingValue(raw, false);
    }

    public static SettingValue secret(String raw) {
        return new SettingValue(raw, true);
    }

    /** The variable name when the value is a {@code $ENV:NAME} reference. */
    public Optional<String> environmentReference() {
        Matcher m = ENV_REFERENCE.matcher(raw);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the text starts like a reference but is not a well-formed one (e.g. {@code $ENV:} or {@code $ENV:1X}). */
    public boolean isMalformedReference() {
        return raw.startsWith("$ENV:") && environmentReference().isEmpty();
    }

    /** What may be displayed: the reference itself, or the mask for a literal secret. */
    public String display() {
        if (environmentReference().isPresent()) {
            return raw;
        }
        return secret ? MASK : raw;
    }

    @Override
    public String toString() {
        return display();
    }
}
