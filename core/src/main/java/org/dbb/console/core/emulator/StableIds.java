package org.dbb.console.core.emulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based ids (UUID v3) for everything seeded from the repository, so an emulator restarted on the same
 * repository hands out the same workspace and item ids. Immutable.
 */
final class StableIds {

    private final String repositoryKey;

    StableIds(String repositoryKey) {
        this.repositoryKey = repositoryKey;
    }

    UUID workspace(String environment) {
        return of("workspace", environment);
    }

    UUID item(String environment, String type, String displayName) {
        return of("item", environment, type, displayName);
    }

    UUID sqlEndpoint(String environment, String lakehouse) {
        return of("sqlEndpoint", environment, lakehouse);
    }

    UUID capacity() {
        return of("capacity");
    }

    UUID connection(String name) {
        return of("connection", name);
    }

    UUID any(String... parts) {
        return of(parts);
    }

    /** A lower-case base32 text of 26 characters, the shape of the labels in Fabric SQL endpoint host names. */
    static String base32Label(UUID id) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            int bitIndex = i * 5;
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int bit = bitIndex + b;
                long word = bit < 64 ? hi : lo;
                int shift = 63 - (bit % 64);
                value = (value << 1) | (bit < 128 ? (int) ((word >>> shift) & 1) : 0);
            }
            out.append(alphabet.charAt(value));
        }
        return out.toString();
    }

    private UUID of(String... parts) {
        return UUID.nameUUIDFromBytes(("dbb-emulator|" + repositoryKey + "|" + String.join("|", parts))
                .getBytes(StandardCharsets.UTF_8));
    }
}
