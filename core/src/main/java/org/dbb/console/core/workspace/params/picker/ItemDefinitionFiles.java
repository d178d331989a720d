package org.dbb.console.core.workspace.params.picker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.dbb.console.core.workspace.Item;

/**
 * The files of an item that a {@code key_value_replace} path can point into as JSON: every file under the item's
 * folder whose content starts with {@code {} or {@code [}, except {@code .platform} (fabric-cicd never touches
 * it), the {@code .pbi} cache and nested items (an Eventhouse's {@code .children}), which are their own items.
 * Stateless and thread-safe; reads the disk, so call it off the FX thread.
 */
public final class ItemDefinitionFiles {

    /** Larger files are left out: a definition that big is data, not something to point a path into. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    /**
     * The item's JSON files, sorted by path relative to the item folder.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public List<Path> of(Item item) {
        Path folder = item.folder();
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(folder) && (dir.getFileName().toString().equals(".pbi")
                            || Files.exists(dir.resolve(".platform")))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && !file.getFileName().toString().equals(".platform")
                            && attrs.size() <= MAX_BYTES && looksLikeJson(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + item.label() + " in " + folder, e);
        }
        files.sort((a, b) -> folder.relativize(a).toString().compareTo(folder.relativize(b).toString()));
        return files;
    }

    private static boolean looksLikeJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            int i = 0;
            // A UTF-8 byte-order mark, then whitespace, may come before the JSON text.
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                i = 3;
            }
            while (i < head.length && Character.isWhitespace(head[i])) {
                i++;
            }
            return i < head.length && (head[i] == '{' || head[i] == '[');
        }
    }
}
