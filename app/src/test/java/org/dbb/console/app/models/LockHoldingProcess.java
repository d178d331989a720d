package org.dbb.console.app.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.dbb.console.core.files.AtomicFileWriter;

/**
 * A second console process for {@link ModelSelectionStoreSharingTest}: holds the lock of the selections file until
 * a line arrives on its input, then saves a selection through its own store, as {@code dbb run} would. Arguments:
 * the selections file, the workspace, the environment, the models (comma-separated). Prints {@value #HOLDING}
 * once it holds the lock and {@value #SAVED} once its selection is written.
 */
public final class LockHoldingProcess {

    static final String HOLDING = "holding";
    static final String SAVED = "saved";

    private LockHoldingProcess() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        new DataFileLock(file).whileHeld(() -> {
            System.out.println(HOLDING);
            System.out.flush();
            try {
                return input.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        new ModelSelectionStore(file, new AtomicFileWriter()).save(Path.of(args[1]), args[2],
                List.of(args[3].split(",")));
        System.out.println(SAVED);
        System.out.flush();
    }
}
