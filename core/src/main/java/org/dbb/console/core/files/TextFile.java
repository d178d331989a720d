package org.dbb.console.core.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * The text of a UTF-8 file, remembering whether it began with a byte-order mark so that an editor can write it
 * back byte for byte. Immutable.
 *
 * @param path the file
 * @param bom  whether the file began with a UTF-8 byte-order mark
 * @param text the content without the byte-order mark
 */
public record TextFile(Path path, boolean bom, String text) {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * Reads a file as strict UTF-8.
     *
     * @throws InvalidInputException when the file cannot be read or is not valid UTF-8
     */
    public static TextFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(path, 0, 0,
                    "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check that it exists and is readable"));
        }
        return decode(path, bytes);
    }

    /** Decodes bytes already in memory, as {@link #read} would. */
    public static TextFile decode(Path path, byte[] bytes) {
        boolean bom = bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), UTF8_BOM);
        int offset = bom ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return new TextFile(path, bom, text);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(Problem.error(path, 0, 0,
                    "the file is not valid UTF-8; save it with UTF-8 encoding"));
        }
    }

    /** The same file with other text, keeping the byte-order mark choice. */
    public TextFile withText(String newText) {
        return new TextFile(path, bom, newText);
    }

    /** The bytes to write back: the byte-order mark (if the original had one) followed by UTF-8 text. */
    public byte[] toBytes() {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        System.arraycopy(UTF8_BOM, 0, out, 0, 3);
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /** The line separator the file mostly uses ({@code \r\n} or {@code \n}), for inserting new lines. */
    public String lineSeparator() {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }
}
