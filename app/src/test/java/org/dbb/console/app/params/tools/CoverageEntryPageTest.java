package org.dbb.console.app.params.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.ParameterMatrixScreen;
import org.dbb.console.app.pages.ParameterToolsScreen;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterPageFactory;
import org.dbb.console.app.params.ParameterPageTestBase;
import org.dbb.console.app.params.entries.EntryFormView;
import org.dbb.console.app.params.entries.EntryTools;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.StandingDialogs;
import org.dbb.console.core.workspace.Workspace;

/**
 * The Parameters page with its entry tools and GUID coverage list, on a sample whose notebook hard-codes a CRM
 * connection id: the operator turns the unreplaced GUID into a find_replace entry from the list, typing only PROD's
 * value, and after the save the list no longer shows it.
 */
class CoverageEntryPageTest extends ParameterPageTestBase {

    private static final String HARD_CODED = "7d2c9a41-0b8e-4f3a-9c55-2e61d0a7b3f4";
    private static final String PROD_CONNECTION = "0b7e4d52-93a1-4c6e-8f20-5d1c3a9e7b64";

    private Path file;

    @Start
    void start(Stage stage) throws IOException {
        Path root = exportSample();
        Path notebook = root.resolve("fabric/nb_silver_conform.Notebook/notebook-content.py");
        Files.writeString(notebook, Files.readString(notebook) + "\ncrm_connection_id = \"" + HARD_CODED + "\"\n",
                StandardCharsets.UTF_8);
        Workspace workspace = open(root);
        file = workspace.parameterFile();
        ConsoleSession session = sessionOn(workspace, "PROD");
        StandingDialogs dialogs = new StandingDialogs().typing("PROD");
        ParameterEditing core = ParameterEditing.standalone();
        show(stage, ParameterPageFactory.page(matrix(core, session, dialogs), m -> new EntryTools(m, core, dialogs,
                background, DelayedExecutor.on(background), new FxExecutor()), parameterTools(session)));
    }

    @Test
    void anUnreplacedGuidBecomesAFindReplaceEntryWithOnlyTheEnvironmentsValueTyped(FxRobot robot) throws Exception {
        ParameterMatrixScreen matrix = new ParameterMatrixScreen(robot).waitUntilLoaded();
        ParameterToolsScreen tools = new ParameterToolsScreen(robot).openCoverage();
        assertThat(tools.coverageSummary()).startsWith("1 GUID is not replaced for PROD (1 file)");

        tools.addEntryForGuid(HARD_CODED);

        assertThat(matrix.entryFieldText(EntryFormView.FIND_VALUE_ID)).isEqualTo(HARD_CODED);
        assertThat(matrix.focusedEntryField()).isEqualTo(EntryFormView.VALUE_ID_PREFIX + "PROD");
        matrix.entryValue("PROD", PROD_CONNECTION);
        assertThat(matrix.submitEntry().waitForEntryVerdict()).isEmpty();
        assertThat(matrix.pendingChanges()).containsExactly("add find_replace entry '" + HARD_CODED + "' (PROD)");
        matrix.reason("CRM connection per environment").save().waitForStatus(s -> s.startsWith("Saved 1 change"));

        assertThat(Files.readString(file)).contains("find_value: \"" + HARD_CODED + "\"")
                .contains("\"PROD\": \"" + PROD_CONNECTION + "\"");
        assertThat(tools.waitForCoverageSummary(s -> s.startsWith("0 GUIDs are not replaced for PROD")))
                .contains("24 replaced by parameter.yml entries");
        assertThat(tools.offersEntryFor(HARD_CODED)).isFalse();
    }
}
