package org.dbb.console.app.params.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.EntryKey;
import org.dbb.console.app.params.EntryRow;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterMatrixViewModel;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.StandingDialogs;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterKind;

class EntryRemovalViewModelTest {

    @TempDir
    Path temp;

    private final ParameterEditing core = ParameterEditing.standalone();
    private final StandingDialogs dialogs = new StandingDialogs();
    private final ConsoleSession session = new ConsoleSession();
    private EmbeddedDatabase database;
    private AuditTrail trail;
    private Path file;
    private String original;
    private ParameterMatrixViewModel matrix;
    private EntryFormViewModel form;
    private final List<Runnable> paused = new ArrayList<>();

    /** Typing pauses: the last check scheduled runs (earlier ones would be outdated by then). */
    private void pause() {
        if (!paused.isEmpty()) {
            Runnable last = paused.get(paused.size() - 1);
            paused.clear();
            last.run();
        }
    }

    @BeforeEach
    void openSample() throws IOException {
        Path root = temp.resolve("sample");
        new SampleWorkspace().exportTo(root);
        Workspace workspace = new WorkspaceLoader(new ConsoleSettingsReader(),
                new ItemDiscovery(new JsonDocuments())).open(root);
        file = workspace.parameterFile();
        original = Files.readString(file, StandardCharsets.UTF_8);
        InterventionRecorder recorder = new InterventionRecorder(this::trail,
                Clock.fixed(Instant.parse("2026-11-27T06:05:00Z"), ZoneOffset.UTC), "operator", message -> { });
        matrix = new ParameterMatrixViewModel(core, session, recorder, dialogs, Runnable::run,
                DelayedExecutor.immediate(), Runnable::run);
        // Checks of what is typed wait for a pause; the tests decide when it comes, so typing stays cheap.
        form = new EntryFormViewModel(matrix, core, dialogs, Runnable::run, (task, delay) -> paused.add(task),
                Runnable::run);
        session.workspaceProperty().set(workspace);
    }

    private AuditTrail trail() {
        if (trail == null) {
            database = EmbeddedDatabase.open(temp.resolve("console"));
            trail = AuditTrail.open(database);
        }
        return trail;
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private void value(String environment, String text) {
        form.values().stream().filter(v -> v.environment().equals(environment)).findFirst().orElseThrow()
                .textProperty().set(text);
    }

    private EntryRow row(ParameterKind kind, int number) {
        return matrix.rows().stream().filter(r -> r.key().equals(new EntryKey(kind, number)) && !r.template())
                .findFirst().orElseThrow();
    }

    @Test
    void removingAnEntryAsksFirstAndAProtectedEnvironmentGuardsTheSave() throws IOException {
        EntryRow maintenance = row(ParameterKind.KEY_VALUE_REPLACE, 4);

        dialogs.confirming(false);
        assertThat(form.remove(maintenance)).isFalse();
        assertThat(matrix.pendingChanges()).isEmpty();

        dialogs.confirming(true);
        assertThat(form.remove(maintenance)).isTrue();
        assertThat(dialogs.asked()).containsExactly("Remove entry", "Remove entry");
        assertThat(matrix.pendingChanges()).singleElement().asString()
                .startsWith("remove key_value_replace 4 ($.properties.parameters.run_maintenance.defaultValue)");
        assertThat(matrix.rows()).noneMatch(r -> r.label().equals("$.properties.parameters.run_maintenance"
                + ".defaultValue"));

        dialogs.typing(null);
        matrix.save();
        assertThat(Files.readString(file)).isEqualTo(original);
        assertThat(dialogs.asked()).contains("Save changes to PROD");

        dialogs.typing("PROD");
        matrix.save();
        String removed = "  # Only production runs maintenance on its schedule; elsewhere it is started by hand.\n"
                + "  - find_key: $.properties.parameters.run_maintenance.defaultValue\n"
                + "    replace_value:\n"
                + "      \"sandbox\": false\n"
                + "      \"DEV\": false\n"
                + "      \"TEST\": false\n"
                + "      \"PROD\": true\n"
                + "    item_type: \"DataPipeline\"\n"
                + "    item_name: \"orchestration_pipeline_DBB\"\n"
                + "\n";
        assertThat(original).containsOnlyOnce(removed);
        assertThat(Files.readString(file)).isEqualTo(original.replace(removed, ""));
    }
}
