package org.dbb.console.core.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * Writes files so that a reader sees either the old or the new content, never a mix: the new bytes go to a
 * temporary file in the same folder, the previous version is kept as {@code <name>.bak}, and the temporary file
 * is renamed over the target. Stateless and thread-safe; concurrent writers of one path must coordinate
 * themselves.
 */
public final class AtomicFileWriter {

    /** Suffix of the backup that keeps the previous version of a rewritten file. */
    public static final String BACKUP_SUFFIX = ".bak";

    /**
     * Replaces {@code target} with {@code bytes}, keeping the previous version as a backup.
     *
     * @throws InvalidInputException when the target or its folder is not writable; the target is then unchanged
     */
    public void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.exists(target) && isReadOnly(target)) {
            throw notWritable(target, "the file is read-only");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.write(tmp, bytes);
            if (Files.exists(target)) {
                Files.copy(target, backupOf(target), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw notWritable(target, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and harmless; the original error matters more.
                }
            }
        }
    }

    /**
     * Read-only by permission bits, not only by access check: an administrator can write anything, but a file
     * someone marked read-only should still be left alone.
     */
    private static boolean isReadOnly(Path target) {
        if (!Files.isWritable(target)) {
            return true;
        }
        try {
            return !Files.getPosixFilePermissions(target).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /** Where the previous version of {@code target} is kept. */
    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + BACKUP_SUFFIX);
    }

    private static InvalidInputException notWritable(Path target, String why) {
        return new InvalidInputException(Problem.error(target, 0, 0,
                "cannot write the file (" + why + "); check its permissions and that the folder is writable"));
    }
}
