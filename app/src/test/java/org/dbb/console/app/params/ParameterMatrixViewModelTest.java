package org.dbb.console.app.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.StandingDialogs;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.ParameterValidation;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;

class ParameterMatrixViewModelTest {

    private static final EntryKey CONCURRENCY = new EntryKey(ParameterKind.KEY_VALUE_REPLACE, 2);
    private static final EntryKey MAINTENANCE = new EntryKey(ParameterKind.KEY_VALUE_REPLACE, 4);
    private static final EntryKey WORKSPACE_ID = new EntryKey(ParameterKind.FIND_REPLACE, 3);
    private static final EntryKey SQL_ENDPOINT = new EntryKey(ParameterKind.FIND_REPLACE, 4);
    private static final EntryKey DEFAULT_CONNECTION = new EntryKey(ParameterKind.SEMANTIC_MODEL_BINDING, 0);

    @TempDir
    Path temp;

    private final ParameterEditing core = ParameterEditing.standalone();
    private final StandingDialogs dialogs = new StandingDialogs();
    private final ConsoleSession session = new ConsoleSession();
    private EmbeddedDatabase database;
    private AuditTrail trail;
    private Workspace workspace;
    private Path file;
    private byte[] original;
    private ParameterMatrixViewModel model;

    @TempDir
    static Path shared;

    private static Path sample;

    @BeforeAll
    static void exportSampleOnce() {
        sample = shared.resolve("sample");
        new SampleWorkspace().exportTo(sample);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @BeforeEach
    void openSample() throws IOException {
        Path root = temp.resolve("sample");
        copyTree(sample, root);
        workspace = new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments()))
                .open(root);
        file = workspace.parameterFile();
        original = Files.readAllBytes(file);
        InterventionRecorder recorder = new InterventionRecorder(this::trail,
                Clock.fixed(Instant.parse("2026-11-27T06:05:00Z"), ZoneOffset.UTC), "operator", message -> { });
        model = new ParameterMatrixViewModel(core, session, recorder, dialogs, Runnable::run,
                DelayedExecutor.immediate(), Runnable::run);
        session.workspaceProperty().set(workspace);
    }

    /** The audit trail, opened only by the tests that save. */
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

    private EntryRow row(EntryKey key) {
        return model.rows().stream().filter(r -> r.key().equals(key) && !r.template()).findFirst().orElseThrow();
    }

    private String text() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private String pendingText() {
        return model.pendingChanges().isEmpty() ? null : "";
    }

    @Test
    void showsEveryEntryOfTheWorkspaceAsARowAndEveryEnvironmentAsAColumn() {
        assertThat(model.stateProperty().get()).isEqualTo(MatrixState.READY);
        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(model.rows()).hasSize(18);
        assertThat(model.rows()).extracting(r -> r.key().kind()).containsOnly(ParameterKind.FIND_REPLACE,
                ParameterKind.KEY_VALUE_REPLACE, ParameterKind.SEMANTIC_MODEL_BINDING);
        EntryRow concurrency = row(CONCURRENCY);
        assertThat(concurrency.label()).isEqualTo("$.properties.parameters.refresh_concurrency.defaultValue");
        assertThat(concurrency.cell("PROD").orElseThrow().text()).isEqualTo("3");
        assertThat(concurrency.cell("PROD").orElseThrow().type()).isEqualTo("int");
        assertThat(concurrency.cell("PROD").orElseThrow().state()).isEqualTo(CellState.SAVED);
        assertThat(concurrency.source()).startsWith("parameter.yml:");
        assertThat(row(DEFAULT_CONNECTION).cell("TEST").orElseThrow().text())
                .isEqualTo("9af93354-65b3-472e-8a4c-58e8916427af");
    }

    @Test
    void problemsAreExactlyWhatTheValidatorReportsForTheFile() {
        ParameterValidation check = core.validator().validate(file, Optional.empty(), Optional.of(workspace.items()));

        assertThat(model.problems()).extracting(ProblemRow::message)
                .containsExactlyElementsOf(check.problems().stream().map(Problem::message).toList());
        assertThat(model.checkSummaryProperty().get()).contains("0 errors");
    }

    @Test
    void theAllKeyIsOneSpanningValueThatNoOtherEnvironmentMayJoin() {
        EntryRow workspaceId = row(WORKSPACE_ID);
        assertThat(workspaceId.all()).isPresent();
        assertThat(workspaceId.cells()).isEmpty();
        assertThat(workspaceId.cell("PROD")).isEqualTo(workspaceId.all());

        boolean mixed = model.commitCell(WORKSPACE_ID, "PROD", "$workspace.$name");

        assertThat(mixed).isFalse();
        assertThat(model.inputProblemProperty().get()).contains("'_ALL_'").contains("only key");
        assertThat(model.commitCell(WORKSPACE_ID, "_ALL_", "$workspace.$name")).isTrue();
        assertThat(row(WORKSPACE_ID).all().orElseThrow().text()).isEqualTo("$workspace.$name");
        assertThat(row(WORKSPACE_ID).all().orElseThrow().state()).isEqualTo(CellState.PENDING);
    }

    @Test
    void editingACellChangesOnlyThatValueAndMarksItPending() throws IOException {
        boolean applied = model.commitCell(CONCURRENCY, "PROD", "4");

        assertThat(applied).isTrue();
        EntryRow concurrency = row(CONCURRENCY);
        assertThat(concurrency.cell("PROD").orElseThrow().text()).isEqualTo("4");
        assertThat(concurrency.cell("PROD").orElseThrow().state()).isEqualTo(CellState.PENDING);
        assertThat(concurrency.cell("TEST").orElseThrow().state()).isEqualTo(CellState.SAVED);
        assertThat(model.pendingChanges()).containsExactly("key_value_replace 2 · PROD = 4");
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.canSaveProperty().get()).isTrue();
        assertThat(Files.readAllBytes(file)).as("nothing is written before saving").isEqualTo(original);
    }

    @Test
    void aValueOfAnotherTypeIsRefusedWithTheMessageDbbParamsCheckPrints() throws IOException {
        boolean applied = model.commitCell(MAINTENANCE, "PROD", "\"yes\"");

        assertThat(applied).isFalse();
        String expected = checkOfHandEdit(new ParameterFileEdit.SetReplaceValue(ParameterKind.KEY_VALUE_REPLACE, 4,
                "PROD", "yes"));
        assertThat(expected).contains("Inconsistent data types in key_value_replace replace_value");
        assertThat(model.inputProblemProperty().get()).startsWith(expected);
        assertThat(row(MAINTENANCE).cell("PROD").orElseThrow().text()).isEqualTo("true");
        assertThat(model.dirtyProperty().get()).isFalse();
    }

    @Test
    void environmentNamesYamlReadsAsBooleansOrNumbersAreRefusedWithTheValidatorsMessage() throws IOException {
        assertThat(model.renameEnvironment("TEST", "yes")).isFalse();
        String yes = checkOfHandEdit(new ParameterFileEdit.RenameEnvironment("TEST", "yes"));
        assertThat(yes).contains("is a YAML bool, not a string");
        assertThat(model.inputProblemProperty().get()).startsWith(yes);

        assertThat(model.addEnvironment("on", Optional.of("DEV"), Optional.empty())).isFalse();
        assertThat(model.inputProblemProperty().get()).contains("is a YAML bool");

        assertThat(model.addEnvironment("1", Optional.of("DEV"), Optional.empty())).isFalse();
        assertThat(model.inputProblemProperty().get()).contains("is a YAML int");
        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD");
    }

    @Test
    void anEmptyFindReplaceValueIsRefusedAndNothingChanges() {
        assertThat(model.commitCell(SQL_ENDPOINT, "PROD", "")).isFalse();

        assertThat(model.inputProblemProperty().get()).isNotEmpty();
        assertThat(model.pendingChanges()).isEmpty();
    }

    @Test
    void aConnectionThatIsNotAGuidIsRefusedInTheValidatorsWords() {
        assertThat(model.commitCell(DEFAULT_CONNECTION, "PROD", "not-a-guid")).isFalse();

        assertThat(model.inputProblemProperty().get()).contains("not a valid GUID");
        assertThat(model.commitCell(DEFAULT_CONNECTION, "PROD", "eb143407-e465-4459-a7b3-e07581029c79")).isTrue();
    }

    @Test
    void typingIsCheckedWithTheSameRulesWithoutChangingAnything() {
        model.typing(CONCURRENCY, "PROD", "\"four\"");
        assertThat(model.typingProblemProperty().get()).contains("Inconsistent data types");

        model.typing(CONCURRENCY, "PROD", "5");
        assertThat(model.typingProblemProperty().get()).isEmpty();
        assertThat(model.pendingChanges()).isEmpty();
    }

    @Test
    void renamingAColumnRenamesItInEveryEntry() {
        assertThat(model.renameEnvironment("TEST", "UAT")).isTrue();

        assertThat(model.environments()).containsExactly("sandbox", "DEV", "UAT", "PROD");
        assertThat(row(CONCURRENCY).cell("UAT").orElseThrow().text()).isEqualTo("2");
        assertThat(model.pendingChanges()).containsExactly("rename environment TEST → UAT");
    }

    @Test
    void addingAColumnCopiesEachEntrysValueAndLeavesAllEntriesAlone() {
        assertThat(model.addEnvironment("UAT", Optional.of("TEST"), Optional.empty())).isTrue();

        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD", "UAT");
        assertThat(row(CONCURRENCY).cell("UAT").orElseThrow().text()).isEqualTo("2");
        assertThat(row(WORKSPACE_ID).all()).isPresent();
        assertThat(model.inputProblemProperty().get()).contains("_ALL_");
    }

    @Test
    void removingAColumnAsksFirst() {
        dialogs.confirming(false);
        assertThat(model.removeEnvironment("sandbox")).isFalse();
        assertThat(model.environments()).contains("sandbox");

        dialogs.confirming(true);
        assertThat(model.removeEnvironment("sandbox")).isTrue();
        assertThat(model.environments()).containsExactly("DEV", "TEST", "PROD");
        assertThat(dialogs.asked()).containsExactly("Remove environment sandbox", "Remove environment sandbox");
    }

    @Test
    void savingWritesOnlyTheChangedBytesKeepsABackupRecordsTheChangeAndReloads() throws IOException {
        String before = text();
        model.commitCell(CONCURRENCY, "TEST", "4");
        model.reasonProperty().set("two refreshes at once overload TEST");

        model.save();

        String expected = before.replace("      \"TEST\": 2\n      \"PROD\": 3", "      \"TEST\": 4\n      \"PROD\": 3");
        assertThat(expected).isNotEqualTo(before);
        assertThat(text()).isEqualTo(expected);
        assertThat(Files.readAllBytes(file.resolveSibling("parameter.yml.bak"))).isEqualTo(original);
        List<AuditEntry> entries = trail().entries(Optional.empty(), Optional.empty());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PARAMETER_EDIT);
            assertThat(e.environment()).isEqualTo("TEST");
            assertThat(e.subject()).isEqualTo("parameter.yml key_value_replace 2 · TEST = 4");
            assertThat(e.before()).contains("2");
            assertThat(e.after()).contains("4");
            assertThat(e.reason()).contains("two refreshes at once overload TEST");
            assertThat(e.actor()).isEqualTo("operator");
        });
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(row(CONCURRENCY).cell("TEST").orElseThrow().state()).isEqualTo(CellState.SAVED);
        assertThat(model.statusProperty().get()).contains("Saved 1 change");
    }

    @Test
    void savingRefusesWhenTheFileChangedOnDiskAndWritesNothing() throws IOException {
        model.commitCell(CONCURRENCY, "TEST", "4");
        String changedElsewhere = text().replace("\"DEV\": 1", "\"DEV\": 9");
        Files.writeString(file, changedElsewhere, StandardCharsets.UTF_8);

        model.save();

        assertThat(text()).isEqualTo(changedElsewhere);
        assertThat(dialogs.errors()).singleElement().asString().contains("changed on disk");
        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(trail().entries(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void aChangeToAProtectedEnvironmentIsSavedOnlyAfterItsNameIsTyped() throws IOException {
        model.commitCell(CONCURRENCY, "PROD", "4");

        dialogs.typing("prod");
        model.save();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(model.statusProperty().get()).contains("not confirmed");

        dialogs.typing("PROD");
        model.save();
        assertThat(text()).contains("\"PROD\": 4");
    }

    @Test
    void anEditThatAddsAnErrorCannotBeSaved() {
        model.checkEnvironmentProperty().set("PROD");
        model.addEnvironment("UAT", Optional.empty(), Optional.of("x"));

        assertThat(model.pendingChanges()).isEmpty();
        assertThat(model.inputProblemProperty().get()).isNotEmpty();
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void theEnvironmentRulesFollowTheChosenEnvironment() {
        model.checkEnvironmentProperty().set("QA");

        ParameterValidation check = core.validator().validate(file, Optional.of("QA"),
                Optional.of(workspace.items()));
        assertThat(model.problems()).extracting(ProblemRow::message)
                .containsExactlyElementsOf(check.problems().stream().map(Problem::message).toList());
        assertThat(model.problems()).anyMatch(p -> p.message().contains("target environment 'QA' not found"));
    }

    @Test
    void thePreviewShowsTheFilesThePendingChangeAffectsForTheChosenEnvironment() {
        assertThat(model.previewFiles()).isEmpty();
        session.environmentProperty().set("PROD");
        model.previewSessionEnvironment();
        assertThat(model.previewEnvironmentProperty().get()).isEqualTo("PROD");
        int everything = model.previewFiles().size();
        assertThat(everything).isGreaterThan(2);
        assertThat(model.previewStatusProperty().get()).contains("no pending edits");

        model.commitCell(CONCURRENCY, "PROD", "4");

        assertThat(model.previewFiles()).isNotEmpty().hasSizeLessThan(everything);
        assertThat(model.previewFiles()).allSatisfy(f -> assertThat(f.path())
                .matches("(orchestration_pipeline_DBB|refresh_semantic_models)\\.DataPipeline/.*"));
        assertThat(model.previewFiles()).anySatisfy(f -> assertThat(f.diff()).contains("+").contains("4"));
        assertThat(model.previewStatusProperty().get()).contains("affected for PROD");
    }

    @Test
    void discardingDropsEveryPendingEdit() {
        model.commitCell(CONCURRENCY, "PROD", "4");
        model.renameEnvironment("TEST", "UAT");

        model.discard();

        assertThat(model.pendingChanges()).isEmpty();
        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(pendingText()).isNull();
    }

    @Test
    void templateEntriesAreShownReadOnlyWithTheFileTheyComeFrom() throws IOException {
        Path dir = temp.resolve("extend");
        Files.createDirectories(dir.resolve("templates"));
        Path main = dir.resolve("parameter.yml");
        Files.writeString(main, "extend:\n  - ./templates/nb.yml\nfind_replace:\n  - find_value: a\n"
                + "    replace_value: {TEST: b}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("templates/nb.yml"), "find_replace:\n  - find_value: c\n"
                + "    replace_value: {QA: d}\n", StandardCharsets.UTF_8);

        model.open(main, Optional.empty(), Map.of());

        assertThat(model.environments()).containsExactly("TEST", "QA");
        EntryRow template = model.rows().get(1);
        assertThat(template.template()).isTrue();
        assertThat(template.editable()).isFalse();
        assertThat(template.source()).isEqualTo("templates/nb.yml:2");
        assertThat(template.cells()).allSatisfy(c -> assertThat(c.state()).isEqualTo(CellState.READ_ONLY));
        assertThat(model.rows().get(0).cell("QA").orElseThrow().state()).isEqualTo(CellState.MISSING);
    }

    @Test
    void aFileThatIsNotYamlIsShownThroughItsProblemsOnly() throws IOException {
        Path broken = temp.resolve("broken.yml");
        Files.writeString(broken, "find_replace:\n  - find_value: \"\\#x\"\n", StandardCharsets.UTF_8);

        model.open(broken, Optional.empty(), Map.of());

        assertThat(model.stateProperty().get()).isEqualTo(MatrixState.UNREADABLE);
        assertThat(model.problems()).singleElement().satisfies(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("Error loading parameter.yml");
        });
        assertThat(model.commitCell(new EntryKey(ParameterKind.FIND_REPLACE, 1), "X", "y")).isFalse();
    }

    @Test
    void withoutAWorkspaceThePageSaysSo() {
        session.workspaceProperty().set(null);

        assertThat(model.stateProperty().get()).isEqualTo(MatrixState.NO_WORKSPACE);
        assertThat(model.rows()).isEmpty();
        assertThat(model.statusProperty().get()).contains("Open a workspace");
    }

    /** What {@code dbb params check} prints first for the file as a hand edit would leave it. */
    private String checkOfHandEdit(ParameterFileEdit edit) throws IOException {
        String draft = core.drafts().draft(TextFile.read(file), edit).orElseThrow();
        return core.validator().validate(file, draft, Optional.empty(), Optional.of(workspace.items()))
                .firstError().orElseThrow().format(file.getParent());
    }
}
