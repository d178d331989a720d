package org.dbb.console.core.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/** The built-in sample DBB workspace repository, read from the classpath; stateless and thread-safe. */
public final class SampleWorkspace {

    /** Classpath folder holding the sample's files, relative paths as listed by {@link #files()}. */
    static final String ROOT = "/org/dbb/console/core/sample/workspace/";

    // A jar cannot list a classpath folder, so the file list is kept beside it (checked by a unit test).
    static final String INDEX = "/org/dbb/console/core/sample/workspace.index";

    private final AtomicFileWriter writer = new AtomicFileWriter();

    /** Relative paths of every file in the sample, {@code /}-separated and sorted. */
    public List<String> files() {
        String index = new String(resource(INDEX), StandardCharsets.UTF_8);
        return index.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The exact bytes of one sample file. */
    public byte[] bytes(String relativePath) {
        if (!files().contains(relativePath)) {
            throw new IllegalArgumentException("not a file of the sample workspace: " + relativePath);
        }
        return resource(ROOT + relativePath);
    }

    /**
     * Writes every file of the sample into {@code dir}, creating it and its folders as needed.
     *
     * @throws InvalidInputException when {@code dir} is a file or a folder that is not empty, or cannot be written
     */
    public void exportTo(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        refuseIfOccupied(target);
        for (String file : files()) {
            Path out = target.resolve(file).normalize();
            if (!out.startsWith(target)) {
                throw new IllegalStateException("sample index entry escapes the export folder: " + file);
            }
            try {
                Files.createDirectories(out.getParent());
            } catch (IOException e) {
                throw new InvalidInputException(Problem.error(target, 0, 0,
                        "cannot create " + target.relativize(out.getParent()) + " (" + e.getClass().getSimpleName()
                                + ": " + e.getMessage() + "); choose a folder you can write to"));
            }
            writer.write(out, resource(ROOT + file));
        }
    }

    private static void refuseIfOccupied(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(Problem.error(dir, 0, 0,
                    "cannot export the sample workspace here: this is a file; choose a new or empty folder"));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new InvalidInputException(Problem.error(dir, 0, 0,
                        "cannot export the sample workspace here: the folder is not empty; choose a new or empty "
                                + "folder so that no existing file is overwritten"));
            }
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(dir, 0, 0,
                    "cannot read the folder (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check that it exists and is readable"));
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SampleWorkspace.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("sample workspace resource missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample workspace resource " + name, e);
        }
    }
}
