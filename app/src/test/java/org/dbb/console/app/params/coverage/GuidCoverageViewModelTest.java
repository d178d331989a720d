package org.dbb.console.app.params.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.coverage.GuidCoverageScanner;
import org.dbb.console.core.workspace.params.coverage.GuidKind;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;

class GuidCoverageViewModelTest {

    private static final String HARD_CODED = "7d2c9a41-0b8e-4f3a-9c55-2e61d0a7b3f4";
    private static final String NOTEBOOK = "nb_silver_conform.Notebook/notebook-content.py";

    @TempDir
    Path temp;

    private final ConsoleSession session = new ConsoleSession();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private Path root;
    private GuidCoverageViewModel model;

    @BeforeEach
    void sampleWithAHardCodedConnection() throws IOException {
        root = temp.resolve("sample");
        new SampleWorkspace().exportTo(root);
        Path notebook = root.resolve("fabric").resolve(NOTEBOOK);
        Files.writeString(notebook, Files.readString(notebook) + "\ncrm_connection_id = \"" + HARD_CODED + "\"\n",
                StandardCharsets.UTF_8);
        model = new GuidCoverageViewModel(new ParameterFileValidator(),
                new GuidCoverageScanner(new ParameterResolver()), session, background::add, Runnable::run);
    }

    private void open(String environment) {
        Workspace workspace = new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments()))
                .open(root);
        session.environmentProperty().set(environment);
        session.workspaceProperty().set(workspace);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void scansOffTheCallingThreadAndSaysWhatItWaitsFor() {
        open("PROD");

        assertThat(model.stateProperty().get()).isEqualTo(CoverageViewState.SCANNING);
        assertThat(model.statusProperty().get()).isEqualTo("Reading parameter.yml for PROD …");
        assertThat(model.groups()).isEmpty();

        List<String> said = new ArrayList<>();
        model.statusProperty().addListener((obs, old, now) -> said.add(now));
        runBackground();

        assertThat(model.stateProperty().get()).isEqualTo(CoverageViewState.READY);
        assertThat(said).anyMatch(s -> s.startsWith("Searching "))
                .anyMatch(s -> s.startsWith("Applying parameter.yml for PROD to "));
        assertThat(model.statusProperty().get()).startsWith("Checked ").endsWith(" item files for PROD with"
                + " parameter.yml as saved.");
    }

    @Test
    void listsTheHardCodedGuidUnderItsFileWithWhatItLooksLike() {
        open("PROD");
        runBackground();

        assertThat(model.environmentProperty().get()).isEqualTo("PROD");
        assertThat(model.groups()).extracting(CoverageFileGroup::relativePath).containsExactly(NOTEBOOK);
        CoverageRow row = model.groups().get(0).rows().get(0);
        assertThat(row.guid()).isEqualTo(HARD_CODED);
        assertThat(row.kind()).isEqualTo(GuidKind.CONNECTION);
        assertThat(row.key()).isEqualTo("crm_connection_id");
        assertThat(row.contextBefore()).isEqualTo("crm_connection_id = \"");
        assertThat(model.summaryProperty().get()).startsWith("1 GUID is not replaced for PROD (1 file) · ")
                .contains(" TMDL object ids hidden");
        assertThat(model.exclusionsProperty().get()).contains("each item's own logicalId in its .platform file")
                .endsWith(" 23 left out.");
    }

    @Test
    void lineageTagsAndReplacedGuidsAppearOnRequestWithoutScanningAgain() {
        open("PROD");
        runBackground();

        model.hideModelObjectIdsProperty().set(false);
        model.showCoveredProperty().set(true);

        assertThat(background).isEmpty();
        List<CoverageRow> rows = model.groups().stream().flatMap(g -> g.rows().stream()).toList();
        assertThat(rows).anyMatch(r -> r.kind() == GuidKind.MODEL_OBJECT_ID && r.uncovered());
        assertThat(rows).filteredOn(r -> !r.uncovered()).extracting(CoverageRow::coveredBy)
                .contains("find_replace 1", "find_replace 5", "fabric-cicd: all-zero workspace id");
    }

    @Test
    void anUnreplacedGuidOffersAFindReplaceEntryForTheCheckedEnvironmentOnceTheFormIsThere() {
        List<String> opened = new ArrayList<>();
        open("PROD");
        runBackground();
        model.hideModelObjectIdsProperty().set(false);
        model.showCoveredProperty().set(true);
        List<CoverageRow> rows = model.groups().stream().flatMap(g -> g.rows().stream()).toList();
        CoverageRow hardCoded = rows.stream().filter(r -> r.guid().equals(HARD_CODED)).findFirst().orElseThrow();

        assertThat(model.canAddEntry(hardCoded)).as("no form to open yet").isFalse();
        model.addFindReplaceEntry(hardCoded);
        model.onAddFindReplaceEntry((guid, environment) -> opened.add(guid + " in " + environment));

        assertThat(model.canAddEntry(hardCoded)).isTrue();
        assertThat(rows).filteredOn(r -> !r.uncovered()).isNotEmpty().noneMatch(model::canAddEntry);
        assertThat(rows).filteredOn(r -> r.kind() == GuidKind.MODEL_OBJECT_ID).isNotEmpty()
                .noneMatch(model::canAddEntry);
        model.addFindReplaceEntry(hardCoded);
        model.environmentProperty().set("TEST");
        runBackground();
        model.addFindReplaceEntry(model.groups().stream().flatMap(g -> g.rows().stream())
                .filter(r -> r.guid().equals(HARD_CODED)).findFirst().orElseThrow());

        assertThat(opened).containsExactly(HARD_CODED + " in PROD", HARD_CODED + " in TEST");
    }

    @Test
    void anotherEnvironmentIsCheckedWhenChosen() {
        open("PROD");
        runBackground();

        model.environmentProperty().set("TEST");
        runBackground();

        assertThat(model.statusProperty().get()).contains(" item files for TEST ");
        assertThat(model.groups()).hasSize(1);
    }

    @Test
    void aParameterFileFabricCicdRefusesIsNamedInsteadOfAList() throws IOException {
        Path parameters = root.resolve("fabric/parameter.yml");
        Files.writeString(parameters, Files.readString(parameters).replaceFirst("is_regex: \"true\"",
                "is_regex: true"), StandardCharsets.UTF_8);
        open("PROD");
        runBackground();

        assertThat(model.stateProperty().get()).isEqualTo(CoverageViewState.FAILED);
        assertThat(model.statusProperty().get()).startsWith("fabric-cicd refuses parameter.yml for PROD, so nothing"
                + " would be replaced: ").contains("is_regex");
        assertThat(model.groups()).isEmpty();
    }
}
