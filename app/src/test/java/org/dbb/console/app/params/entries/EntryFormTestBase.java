package org.dbb.console.app.params.entries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.EntryKey;
import org.dbb.console.app.params.EntryRow;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterMatrixViewModel;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.StandingDialogs;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterKind;

/**
 * The set-up the entry tools' view-model tests share: the sample workspace exported to a temporary folder, the
 * matrix and the entry form over it with direct executors, typing pauses the test decides, and an audit trail
 * opened on first use. Not thread-safe; JUnit makes one instance per test.
 */
abstract class EntryFormTestBase {

    @TempDir
    Path temp;

    final ParameterEditing core = ParameterEditing.standalone();
    final StandingDialogs dialogs = new StandingDialogs();
    final ConsoleSession session = new ConsoleSession();
    EmbeddedDatabase database;
    AuditTrail trail;
    Path file;
    String original;
    ParameterMatrixViewModel matrix;
    EntryFormViewModel form;
    final List<Runnable> paused = new ArrayList<>();

    /** Typing pauses: the last check scheduled runs (earlier ones would be outdated by then). */
    void pause() {
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

    AuditTrail trail() {
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

    void value(String environment, String text) {
        form.values().stream().filter(v -> v.environment().equals(environment)).findFirst().orElseThrow()
                .textProperty().set(text);
    }

    EntryRow row(ParameterKind kind, int number) {
        return matrix.rows().stream().filter(r -> r.key().equals(new EntryKey(kind, number)) && !r.template())
                .findFirst().orElseThrow();
    }
}
