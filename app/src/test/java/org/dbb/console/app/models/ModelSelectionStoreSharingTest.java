package org.dbb.console.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.AtomicFileWriter;

/**
 * The window and {@code dbb run} each keep a store of the same data folder's selections: neither undoes the
 * other's entries, whether they save, launch, rename or remove, from threads of one process or from two processes.
 */
@Timeout(60)
class ModelSelectionStoreSharingTest {

    @TempDir
    Path temp;

    private Path file() {
        return temp.resolve("data").resolve(ModelSelectionStore.FILE_NAME);
    }

    private ModelSelectionStore store() {
        return new ModelSelectionStore(file(), new AtomicFileWriter());
    }

    private Path workspace() {
        return temp.resolve("dbb");
    }

    @Test
    void twoStoresOfOneFolderEachSavingAnotherEnvironmentKeepBoth() {
        ModelSelectionStore window = store();
        ModelSelectionStore cli = store();
        window.save(workspace(), "sandbox", List.of("HR"));
        assertThat(window.saved(workspace(), "DEV")).isEmpty();

        cli.save(workspace(), "DEV", List.of("Sales"));
        window.save(workspace(), "sandbox", List.of("HR", "Finance"));

        assertThat(window.saved(workspace(), "DEV")).as("the window sees the command's save")
                .contains(List.of("Sales"));
        ModelSelectionStore read = store();
        assertThat(read.saved(workspace(), "sandbox")).contains(List.of("HR", "Finance"));
        assertThat(read.saved(workspace(), "DEV")).contains(List.of("Sales"));
    }

    @Test
    void aLaunchFromTheCommandLineIsTheBaselineOfTheWindowsNextLaunch() {
        ModelSelectionStore window = store();
        ModelSelectionStore cli = store();
        window.launched(workspace(), "sandbox", List.of("HR"));

        assertThat(cli.launched(workspace(), "sandbox", List.of("Sales")))
                .contains(new ModelSelectionChange(List.of("HR"), List.of("Sales")));
        assertThat(window.launched(workspace(), "sandbox", List.of("Sales"))).isEmpty();
    }

    @Test
    void aRenameOrRemovalThroughOneStoreKeepsTheEntriesTheOtherWroteMeanwhile() {
        ModelSelectionStore window = store();
        ModelSelectionStore cli = store();
        window.save(workspace(), "TEST", List.of("HR"));
        cli.save(workspace(), "DEV", List.of("Sales"));
        cli.launched(workspace(), "PROD", List.of("Finance"));

        window.renameEnvironment(workspace(), "TEST", "QA");
        window.removeEnvironment(workspace(), "PROD");
        cli.save(workspace(), "sandbox", List.of("Customer360"));

        ModelSelectionStore read = store();
        assertThat(read.saved(workspace(), "QA")).contains(List.of("HR"));
        assertThat(read.saved(workspace(), "TEST")).as("not written back by the command's store").isEmpty();
        assertThat(read.saved(workspace(), "DEV")).contains(List.of("Sales"));
        assertThat(read.saved(workspace(), "sandbox")).contains(List.of("Customer360"));
        assertThat(read.launched(workspace(), "PROD", List.of("Finance"))).as("PROD's last launch is dropped")
                .contains(new ModelSelectionChange(List.of(), List.of("Finance")));
    }

    @Test
    void savesFromManyThreadsThroughTwoStoresAllSurvive() throws Exception {
        List<ModelSelectionStore> stores = List.of(store(), store());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ModelSelectionStore store = stores.get(i % 2);
                String environment = "ENV" + i;
                saves.add(threads.submit(() -> store.save(workspace(), environment, List.of("M" + environment))));
            }
            for (Future<?> save : saves) {
                save.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        ModelSelectionStore read = store();
        for (int i = 0; i < 40; i++) {
            assertThat(read.saved(workspace(), "ENV" + i)).as("ENV" + i).contains(List.of("MENV" + i));
        }
    }

    @Test
    void aSaveWaitsWhileAnotherProcessHoldsTheLockAndBothSelectionsAreKept() throws Exception {
        ModelSelectionStore window = store();
        window.save(workspace(), "sandbox", List.of("HR"));
        Process other = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                LockHoldingProcess.class.getName(), file().toString(), workspace().toString(), "DEV", "Sales,Finance")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream input = other.getOutputStream()) {
            assertThat(output.readLine()).isEqualTo(LockHoldingProcess.HOLDING);
            assertThat(Files.exists(file().resolveSibling(ModelSelectionStore.FILE_NAME + DataFileLock.SUFFIX)))
                    .isTrue();

            CompletableFuture<Void> save = CompletableFuture.runAsync(
                    () -> window.save(workspace(), "sandbox", List.of("HR", "Customer360")), thread);
            assertThatThrownBy(() -> save.get(500, TimeUnit.MILLISECONDS)).as("the save waits for the lock")
                    .isInstanceOf(TimeoutException.class);

            input.write("go\n".getBytes(StandardCharsets.UTF_8));
            input.flush();
            save.get(30, TimeUnit.SECONDS);
            assertThat(output.readLine()).isEqualTo(LockHoldingProcess.SAVED);
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isZero();
        } finally {
            thread.shutdownNow();
            other.destroy();
        }

        ModelSelectionStore read = store();
        assertThat(read.saved(workspace(), "sandbox")).contains(List.of("HR", "Customer360"));
        assertThat(read.saved(workspace(), "DEV")).contains(List.of("Sales", "Finance"));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
