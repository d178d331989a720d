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

class EntryFormViewModelTest {

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
    void startingTheFormOffersOneValuePerEnvironmentColumn() {
        form.start(ParameterKind.KEY_VALUE_REPLACE);

        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.values()).extracting(EnvironmentValue::environment)
                .containsExactly("sandbox", "DEV", "TEST", "PROD");
    }

    @Test
    void anAcceptedEntryBecomesAPendingEditAndSavingWritesOnlyItsLinesWithAnAuditEntry() throws IOException {
        form.start(ParameterKind.KEY_VALUE_REPLACE);
        form.findKeyProperty().set("$.properties.parameters.load_window_days.defaultValue");
        form.itemTypeProperty().set("DataPipeline");
        form.itemNameProperty().set("orchestration_pipeline_DBB");
        value("DEV", "1");
        value("TEST", "7");

        form.add();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.openProperty().get()).isFalse();
        assertThat(matrix.pendingChanges()).containsExactly("add key_value_replace entry"
                + " $.properties.parameters.load_window_days.defaultValue (DEV, TEST)");
        assertThat(row(ParameterKind.KEY_VALUE_REPLACE, 7).label())
                .isEqualTo("$.properties.parameters.load_window_days.defaultValue");
        assertThat(Files.readString(file)).isEqualTo(original);

        matrix.reasonProperty().set("new pipeline parameter");
        matrix.save();

        String anchor = "    file_path: \"dbt_gold.DataBuildToolJob/dbtjob-content.json\"\n";
        assertThat(original).containsOnlyOnce(anchor);
        assertThat(Files.readString(file)).isEqualTo(original.replace(anchor, anchor
                + "  - find_key: \"$.properties.parameters.load_window_days.defaultValue\"\n"
                + "    replace_value:\n"
                + "      \"DEV\": 1\n"
                + "      \"TEST\": 7\n"
                + "    item_type: \"DataPipeline\"\n"
                + "    item_name: \"orchestration_pipeline_DBB\"\n"));
        List<AuditEntry> entries = trail().entries(Optional.empty(), Optional.empty());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PARAMETER_EDIT);
            assertThat(e.subject()).contains("add key_value_replace entry");
            assertThat(e.reason()).contains("new pipeline parameter");
        });
    }

    @Test
    void anEntryFabricCicdWouldRejectIsRefusedWithTheValidatorsMessageAndNothingChanges() {
        form.start(ParameterKind.KEY_VALUE_REPLACE);
        form.findKeyProperty().set("$.properties[?(@.name=='x'");
        value("DEV", "1");

        form.add();

        assertThat(form.problemProperty().get()).startsWith("parameter.yml:").contains("Invalid JSONPath expression");
        assertThat(form.openProperty().get()).isTrue();
        assertThat(matrix.pendingChanges()).isEmpty();
    }

    @Test
    void valuesOfDifferentTypesAreRefusedAsDbbParamsCheckRefusesThem() {
        form.start(ParameterKind.KEY_VALUE_REPLACE);
        form.findKeyProperty().set("$.a");
        value("DEV", "1");
        value("TEST", "\"1\"");

        form.add();

        assertThat(form.problemProperty().get()).contains("one value type across environments");
        assertThat(matrix.pendingChanges()).isEmpty();
    }

    @Test
    void missingRequiredFieldsAreNamedBeforeAnythingIsChecked() {
        form.start(ParameterKind.SPARK_POOL);
        value("PROD", "{type: Workspace, name: Pool}");
        form.add();
        assertThat(form.problemProperty().get()).startsWith("instance_pool_id is required");

        form.start(ParameterKind.FIND_REPLACE);
        form.findValueProperty().set("x");
        form.add();
        assertThat(form.problemProperty().get()).startsWith("Give a value for at least one environment");
    }

    @Test
    void typingIsCheckedOnceItPausesWithTheWarningsOfTheNewLines() {
        form.start(ParameterKind.FIND_REPLACE);
        form.findValueProperty().set("needle");
        value("DEV", "$items.Lakehouse.missing_lake.$id");
        assertThat(form.warningsProperty().get()).isEmpty();

        pause();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.warningsProperty().get()).contains("missing_lake");
        assertThat(matrix.pendingChanges()).isEmpty();
    }

    @Test
    void aModelBindingWithOneConnectionForEveryEnvironmentIsAddedToTheModelsList() {
        form.start(ParameterKind.SEMANTIC_MODEL_BINDING);
        form.modelNamesProperty().set("Finance, Sales");
        form.useAllProperty().set(true);
        form.allValueProperty().set("7c3cc252-5beb-4a9a-b307-4c8a002c160c");

        form.add();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(row(ParameterKind.SEMANTIC_MODEL_BINDING, 2).all()).isPresent();
    }
}
