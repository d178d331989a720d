package org.dbb.console.core.fabric;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of an item definition, e.g. {@code pipeline-content.json} or {@code .platform}, with its decoded bytes
 * (the wire carries them as {@code InlineBase64}). Immutable: the bytes are copied in and out.
 */
public final class DefinitionPart {

    private final String path;
    private final byte[] payload;

    public DefinitionPart(String path, byte[] payload) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("part path must not be blank");
        }
        this.path = path;
        this.payload = Objects.requireNonNull(payload, "payload").clone();
    }

    public static DefinitionPart ofText(String path, String text) {
        return new DefinitionPart(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public String path() {
        return path;
    }

    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefinitionPart && ((DefinitionPart) o).path.equals(path)
                && Arrays.equals(((DefinitionPart) o).payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "DefinitionPart[" + path + ", " + payload.length + " bytes]";
    }
}
