package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One value changed in {@code dbb-console.yml}: which file, which setting, and its value before and after.
 * Immutable.
 *
 * @param file    the settings file written
 * @param setting the setting's path, e.g. {@code refresh.concurrency}
 * @param before  the value before; empty when the setting was not written
 * @param after   the value written
 * @param changed whether the file was written (false when it already held the value)
 */
public record SettingsChange(Path file, String setting, Optional<String> before, String after, boolean changed) {

    public SettingsChange {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
