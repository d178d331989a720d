package org.dbb.console.core.workspace.params.resolve;

import java.util.List;

/**
 * Recognises the files fabric-cicd treats as binary: those whose leading bytes the {@code filetype} package maps
 * to an {@code image/*} or {@code application/*} type (PNG, JPEG, ZIP/wheel, PDF, …). Like {@code filetype} it
 * goes by signature only, so a text file that happens to start with {@code BM} or {@code MZ} counts as binary
 * too. Stateless and thread-safe.
 */
final class BinaryFileSniffer {

    /** How many leading bytes the signatures need. */
    static final int HEAD = 262;

    private static final List<Signature> SIGNATURES = List.of(
            sig(0, 0xFF, 0xD8, 0xFF),                                   // jpeg
            sig(0, 0x89, 0x50, 0x4E, 0x47),                             // png
            sig(0, 0x47, 0x49, 0x46),                                   // gif
            sig(0, 0x49, 0x49, 0x2A, 0x00),                             // tiff (little endian)
            sig(0, 0x4D, 0x4D, 0x00, 0x2A),                             // tiff (big endian)
            sig(0, 0x42, 0x4D),                                         // bmp
            sig(0, 0x49, 0x49, 0xBC),                                   // jxr
            sig(0, 0x38, 0x42, 0x50, 0x53),                             // psd
            sig(0, 0x00, 0x00, 0x01, 0x00),                             // ico
            sig(8, 0x57, 0x45, 0x42, 0x50),                             // webp ("RIFF....WEBP")
            sig(0, 0x50, 0x4B, 0x03, 0x04),                             // zip, whl, jar, docx, xlsx
            sig(0, 0x50, 0x4B, 0x05, 0x06),                             // empty zip
            sig(0, 0x50, 0x4B, 0x07, 0x08),                             // spanned zip
            sig(257, 0x75, 0x73, 0x74, 0x61, 0x72),                     // tar
            sig(0, 0x52, 0x61, 0x72, 0x21, 0x1A, 0x07),                 // rar
            sig(0, 0x1F, 0x8B, 0x08),                                   // gzip
            sig(0, 0x42, 0x5A, 0x68),                                   // bzip2
            sig(0, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C),                 // 7z
            sig(0, 0x25, 0x50, 0x44, 0x46),                             // pdf
            sig(0, 0x4D, 0x5A),                                         // exe, dll
            sig(0, 0x7B, 0x5C, 0x72, 0x74, 0x66),                       // rtf
            sig(0, 0x25, 0x21),                                         // postscript
            sig(0, 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00),                 // xz
            sig(0, 0x53, 0x51, 0x4C, 0x69),                             // sqlite
            sig(0, 0x21, 0x3C, 0x61, 0x72, 0x63, 0x68, 0x3E),           // ar, deb
            sig(0, 0x7F, 0x45, 0x4C, 0x46),                             // elf
            sig(0, 0x04, 0x22, 0x4D, 0x18),                             // lz4
            sig(0, 0x28, 0xB5, 0x2F, 0xFD),                             // zstd
            sig(0, 0x00, 0x61, 0x73, 0x6D),                             // wasm
            sig(0, 0x77, 0x4F, 0x46, 0x46),                             // woff
            sig(0, 0x77, 0x4F, 0x46, 0x32),                             // woff2
            sig(0, 0x00, 0x01, 0x00, 0x00, 0x00),                       // ttf
            sig(0, 0x4F, 0x54, 0x54, 0x4F, 0x00),                       // otf
            sig(0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));    // doc, xls, msi

    private BinaryFileSniffer() {
    }

    /** Whether fabric-cicd would upload a file starting with {@code head} as binary, unparameterised. */
    static boolean isBinary(byte[] head) {
        return SIGNATURES.stream().anyMatch(s -> s.matches(head));
    }

    private static Signature sig(int offset, int... bytes) {
        return new Signature(offset, bytes);
    }

    private record Signature(int offset, int[] bytes) {
        boolean matches(byte[] head) {
            if (head.length < offset + bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if ((head[offset + i] & 0xff) != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
