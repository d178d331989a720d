package org.dbb.console.core.workspace.params;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that words failures as Python's {@code UnicodeDecodeError} does, because fabric-cicd
 * prints that text in its load error. A leading byte-order mark is dropped (PyYAML skips it too). Stateless
 * and thread-safe.
 */
final class Utf8Text {

    /** Bytes that are not UTF-8, with Python's wording. */
    static final class DecodeException extends Exception {
        private static final long serialVersionUID = 1L;

        DecodeException(String message) {
            super(message);
        }
    }

    private Utf8Text() {
    }

    static String decode(byte[] bytes) throws DecodeException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int position = in.position();
            throw new DecodeException(pythonMessage(bytes, position));
        }
        result = decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Python's universal-newline reading, which fabric-cicd's text-mode {@code open()} applies. */
    static String universalNewlines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String pythonMessage(byte[] bytes, int position) {
        int b = bytes[position] & 0xff;
        int need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
        String reason;
        if (need == 0 || b > 0xf4) {
            reason = "invalid start byte";
        } else {
            reason = "unexpected end of data";
            for (int i = 1; i < need; i++) {
                if (position + i >= bytes.length) {
                    break;
                }
                int c = bytes[position + i] & 0xff;
                if (c < 0x80 || c > 0xbf) {
                    reason = "invalid continuation byte";
                    break;
                }
                if (i == need - 1) {
                    reason = "invalid continuation byte";
                }
            }
        }
        return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b, position, reason);
    }
}
