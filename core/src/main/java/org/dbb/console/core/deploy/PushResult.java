package org.dbb.console.core.deploy;

import java.util.List;
import java.util.Objects;

/**
 * A pushed pipeline definition, checked by reading it back. Immutable.
 *
 * @param environment  the environment pushed to
 * @param pipeline     the pipeline's display name
 * @param workspace    the target workspace, e.g. {@code workspace 'DBB-DEV'}
 * @param itemId       the pipeline's id in that workspace
 * @param endpoint     where the clients pointed, e.g. {@code the sandbox emulator at http://127.0.0.1:5123}
 * @param replacements what {@code parameter.yml} replaced in the pushed files, one line each
 * @param mismatches   activities whose retry policy read back differs from what was sent; empty when verified
 * @param checked      how many activities' policies were compared
 */
public record PushResult(String environment, String pipeline, String workspace, String itemId, String endpoint,
                         List<String> replacements, List<String> mismatches, int checked) {

    public PushResult {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(endpoint, "endpoint");
        replacements = List.copyOf(replacements);
        mismatches = List.copyOf(mismatches);
    }

    /** Whether every activity's policy read back as sent. */
    public boolean verified() {
        return mismatches.isEmpty();
    }
}
