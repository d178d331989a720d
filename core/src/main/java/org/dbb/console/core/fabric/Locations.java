package org.dbb.console.core.fabric;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Reads ids out of {@code Location} headers, absolute or relative, with or without {@code /v1}. Stateless. */
final class Locations {

    private Locations() {
    }

    /** The non-empty path segments of {@code location}, query and fragment removed. */
    static String[] segments(String location) {
        String path = location.trim();
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** The last path segment when it is a UUID (as Fabric's ids are). */
    static Optional<String> lastUuidSegment(String location) {
        String[] segments = segments(location);
        if (segments.length == 0) {
            return Optional.empty();
        }
        String last = segments[segments.length - 1];
        return isUuid(last) ? Optional.of(last) : Optional.empty();
    }

    static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
