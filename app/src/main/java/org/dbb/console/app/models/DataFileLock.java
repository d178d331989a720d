package org.dbb.console.app.models;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lock on a data file the console's processes share (the window and {@code dbb} commands run at the
 * same time): the operating system's lock on a sibling lock file, which holds across processes, taken while a lock
 * per file within this process is held. Thread-safe; {@link #whileHeld} blocks until no other thread or process
 * holds the lock, and must not be called again from within the work it runs.
 */
final class DataFileLock {

    /** Suffix of the lock file beside the data file; it stays in the folder, empty. */
    static final String SUFFIX = ".lock";

    private static final Logger LOG = LoggerFactory.getLogger(DataFileLock.class);
    /**
     * The operating system gives a file lock to the whole process, and FileChannel refuses a second lock on a file
     * the process already locks, so the threads of this process (and its several stores of one file) take turns
     * here first. Keyed by the lock file's absolute path.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock inThisProcess;

    /** The lock of {@code dataFile}, held on {@code <dataFile>.lock}. */
    DataFileLock(Path dataFile) {
        Path absolute = dataFile.toAbsolutePath().normalize();
        this.lockFile = absolute.resolveSibling(absolute.getFileName() + SUFFIX);
        this.inThisProcess = IN_THIS_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
    }

    Path lockFile() {
        return lockFile;
    }

    /**
     * Runs {@code work} holding the lock and returns its result. When the lock file cannot be opened or locked (a
     * read-only data folder, a file system without locks) that is logged and the work runs under this process's
     * lock only, as it would have without other processes.
     */
    <T> T whileHeld(Supplier<T> work) {
        inThisProcess.lock();
        try {
            FileChannel channel = null;
            FileLock lock = null;
            try {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = channel.lock();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not lock {} ({}); other console processes writing it at the same time may undo"
                        + " this change", lockFile, e.getMessage());
            }
            try {
                return work.get();
            } finally {
                release(lock, channel);
            }
        } finally {
            inThisProcess.unlock();
        }
    }

    /** Closing the channel releases the lock too; ending the process at the latest releases both. */
    private void release(FileLock lock, FileChannel channel) {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.debug("Releasing the lock on {} failed: {}", lockFile, e.getMessage());
        } finally {
            close(channel);
        }
    }

    private void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed: {}", lockFile, e.getMessage());
        }
    }
}
