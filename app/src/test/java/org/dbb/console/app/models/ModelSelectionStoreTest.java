package org.dbb.console.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RunRequest;

/** The model selections kept in the data folder, and the audit of a launch that changes them; no toolkit. */
class ModelSelectionStoreTest {

    @TempDir
    Path temp;

    private Path file() {
        return temp.resolve("data").resolve(ModelSelectionStore.FILE_NAME);
    }

    private ModelSelectionStore store() {
        return new ModelSelectionStore(file(), new AtomicFileWriter());
    }

    private Path workspace(String name) {
        return temp.resolve(name);
    }

    @Test
    void keepsOneSelectionPerWorkspaceAndEnvironmentAcrossInstances() {
        store().save(workspace("dbb"), "sandbox", List.of("HR"));
        store().save(workspace("dbb"), "DEV", List.of());
        store().save(workspace("other"), "sandbox", List.of("Sales", "Finance"));

        ModelSelectionStore read = store();
        assertThat(read.saved(workspace("dbb"), "sandbox")).contains(List.of("HR"));
        assertThat(read.saved(workspace("dbb"), "DEV")).contains(List.of());
        assertThat(read.saved(workspace("other"), "sandbox")).contains(List.of("Sales", "Finance"));
        assertThat(read.saved(workspace("dbb"), "PROD")).isEmpty();
        assertThat(read.saved(workspace("dbb").resolve("..").resolve("dbb"), "sandbox")).contains(List.of("HR"));
    }

    @Test
    void theLastSelectionHandedOverIsWrittenWhateverOrderTheExecutorRunsTheWrites() {
        List<Runnable> queued = new ArrayList<>();
        ModelSelectionStore store = store();
        store.saveLater(workspace("dbb"), "sandbox", List.of("HR"), queued::add);
        store.saveLater(workspace("dbb"), "sandbox", List.of("HR", "Sales"), queued::add);
        store.saveLater(workspace("dbb"), "DEV", List.of("Finance"), queued::add);

        Collections.reverse(queued);
        queued.forEach(Runnable::run);

        assertThat(store().saved(workspace("dbb"), "sandbox")).contains(List.of("HR", "Sales"));
        assertThat(store().saved(workspace("dbb"), "DEV")).contains(List.of("Finance"));
    }

    @Test
    void anUnreadableFileCountsAsNothingSavedAndIsReplacedKeepingItAsBackup() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{not json");

        assertThat(store().saved(workspace("dbb"), "sandbox")).isEmpty();
        ModelSelectionStore store = store();
        store.save(workspace("dbb"), "sandbox", List.of("HR"));

        assertThat(store().saved(workspace("dbb"), "sandbox")).contains(List.of("HR"));
        assertThat(Files.readString(AtomicFileWriter.backupOf(file()))).isEqualTo("{not json");
        assertThat(Files.readString(file())).startsWith("{").contains("\"version\" : 1");
    }

    @Test
    void aLaunchIsComparedWithThePreviousLaunchNotWithTheTickedBoxes() {
        ModelSelectionStore store = store();
        store.save(workspace("dbb"), "sandbox", List.of("HR"));

        assertThat(store.launched(workspace("dbb"), "sandbox", List.of("HR")))
                .contains(new ModelSelectionChange(List.of(), List.of("HR")));
        assertThat(store.launched(workspace("dbb"), "sandbox", List.of("HR"))).isEmpty();
        assertThat(store.launched(workspace("dbb"), "sandbox", List.of()))
                .contains(new ModelSelectionChange(List.of("HR"), List.of()));
        assertThat(store.launched(workspace("dbb"), "DEV", List.of())).isEmpty();
        assertThat(store().saved(workspace("dbb"), "sandbox")).contains(List.of("HR"));
    }

    @Test
    void aLaunchWithOtherModelsThanThePreviousOneIsAuditedAsAModelSelectionOfThatRun() {
        try (ConsoleServices services = new ConsoleServices(new DataDirectories(temp.resolve("data")),
                name -> null, Optional.of(temp.resolve("data/console.db")))) {
            ModelSelectionAudit audit = new ModelSelectionAudit(store(), services::auditTrail, services.clock());

            Optional<AuditEntry> first = audit.record(workspace("dbb"), launch(Optional.of(List.of("HR", "Sales"))),
                    "run-1");
            Optional<AuditEntry> same = audit.record(workspace("dbb"), launch(Optional.of(List.of("Sales", "HR"))),
                    "run-2");
            Optional<AuditEntry> back = audit.record(workspace("dbb"), launch(Optional.empty()), "run-3");

            assertThat(same).isEmpty();
            assertThat(services.auditTrail().entries(Optional.empty(), Optional.empty()))
                    .extracting(AuditEntry::action, AuditEntry::subject, e -> e.before().orElseThrow(),
                            e -> e.after().orElseThrow(), e -> e.runId().orElseThrow(), AuditEntry::actor)
                    .containsExactly(
                            Tuple.tuple(AuditAction.MODEL_SELECTION,
                                    "run run-1 · semantic models to refresh", "every model", "HR, Sales", "run-1",
                                    "ops"),
                            Tuple.tuple(AuditAction.MODEL_SELECTION,
                                    "run run-3 · semantic models to refresh", "HR, Sales", "every model", "run-3",
                                    "ops"));
            assertThat(first).isPresent();
            assertThat(back).isPresent();
        }
    }

    @Test
    void aRenamedEnvironmentsSelectionAndLastLaunchMoveToItsNewNameInOneWrite() throws Exception {
        ModelSelectionStore store = store();
        store.save(workspace("dbb"), "TEST", List.of("HR"));
        store.launched(workspace("dbb"), "TEST", List.of("HR", "Sales"));
        store.save(workspace("dbb"), "QA", List.of("Finance"));
        store.save(workspace("other"), "TEST", List.of("Sales"));
        String before = Files.readString(file());

        store.renameEnvironment(workspace("dbb"), "TEST", "QA");

        ModelSelectionStore read = store();
        assertThat(read.saved(workspace("dbb"), "QA")).as("the old QA's leftover is replaced").contains(List.of("HR"));
        assertThat(read.saved(workspace("dbb"), "TEST")).isEmpty();
        assertThat(read.launched(workspace("dbb"), "QA", List.of("Sales", "HR"))).as("the baseline moved too")
                .isEmpty();
        assertThat(read.saved(workspace("other"), "TEST")).as("another repository's TEST").contains(List.of("Sales"));
        assertThat(Files.readString(AtomicFileWriter.backupOf(file()))).isEqualTo(before);
    }

    @Test
    void aSelectionNotYetWrittenFollowsTheRenameAndIsNotWrittenBackUnderTheOldName() {
        List<Runnable> queued = new ArrayList<>();
        ModelSelectionStore store = store();
        store.saveLater(workspace("dbb"), "TEST", List.of("HR"), queued::add);

        store.renameEnvironment(workspace("dbb"), "TEST", "QA");
        queued.forEach(Runnable::run);

        assertThat(store().saved(workspace("dbb"), "QA")).contains(List.of("HR"));
        assertThat(store().saved(workspace("dbb"), "TEST")).isEmpty();
    }

    @Test
    void aRemovedEnvironmentsSelectionIsDroppedAndNothingIsWrittenWhenThereWasNone() throws Exception {
        ModelSelectionStore store = store();
        store.save(workspace("dbb"), "TEST", List.of("HR"));
        store.save(workspace("dbb"), "DEV", List.of("Sales"));

        store.removeEnvironment(workspace("dbb"), "TEST");
        String after = Files.readString(file());
        store.removeEnvironment(workspace("dbb"), "PROD");
        store.renameEnvironment(workspace("other"), "TEST", "QA");

        assertThat(store().saved(workspace("dbb"), "TEST")).isEmpty();
        assertThat(store().saved(workspace("dbb"), "DEV")).contains(List.of("Sales"));
        assertThat(Files.readString(file())).isEqualTo(after).doesNotContain("TEST");
        assertThat(Files.readString(AtomicFileWriter.backupOf(file()))).contains("TEST");
    }

    private static RunRequest launch(Optional<List<String>> models) {
        return new RunRequest("sandbox", Map.of(), false, models, OptionalInt.empty(), RefreshMode.POWER_BI_API,
                "ops", Optional.empty());
    }
}
