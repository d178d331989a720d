package org.dbb.console.core.workspace.config.edit;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * The bytes of a file and of its {@code .bak} at one moment, so that a write that must be undone can put both back
 * exactly. Immutable.
 */
final class FileSnapshot {

    private final Path file;
    private final byte[] content;
    private final Optional<byte[]> backup;

    private FileSnapshot(Path file, byte[] content, Optional<byte[]> backup) {
        this.file = file;
        this.content = content;
        this.backup = backup;
    }

    /**
     * Reads {@code file} and its backup.
     *
     * @throws InvalidInputException when either cannot be read
     */
    static FileSnapshot of(Path file) {
        Path bak = AtomicFileWriter.backupOf(file);
        try {
            return new FileSnapshot(file, Files.readAllBytes(file),
                    Files.isRegularFile(bak) ? Optional.of(Files.readAllBytes(bak)) : Optional.empty());
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "cannot read the file (" + e.getMessage()
                    + "); check that it is readable"));
        }
    }

    /**
     * Puts the file back atomically, then its backup as it was (or removes the backup the write made).
     *
     * @throws InvalidInputException when it cannot be written
     */
    void restore(AtomicFileWriter writer) {
        writer.write(file, content);
        Path bak = AtomicFileWriter.backupOf(file);
        try {
            if (backup.isPresent()) {
                Path tmp = Files.createTempFile(bak.toAbsolutePath().getParent(), "." + bak.getFileName() + ".",
                        ".tmp");
                Files.write(tmp, backup.get());
                try {
                    Files.move(tmp, bak, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, bak, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.deleteIfExists(bak);
            }
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(bak, 0, 0, "the file itself was put back, but its backup"
                    + " could not be (" + e.getMessage() + "); the backup now holds the version that was undone"));
        }
    }
}
