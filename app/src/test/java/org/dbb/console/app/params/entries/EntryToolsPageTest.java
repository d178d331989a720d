package org.dbb.console.app.params.entries;

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
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterMatrixViewModel;
import org.dbb.console.app.params.ParameterPageFactory;
import org.dbb.console.app.params.ParameterPageTestBase;
import org.dbb.console.app.params.picker.JsonPathPickerView;
import org.dbb.console.app.testing.StandingDialogs;
import org.dbb.console.core.workspace.Workspace;

class EntryToolsPageTest extends ParameterPageTestBase {

    private Path file;
    private String original;

    @Start
    void start(Stage stage) throws IOException {
        Workspace workspace = openFreshSample();
        file = workspace.parameterFile();
        original = Files.readString(file, StandardCharsets.UTF_8);
        StandingDialogs dialogs = new StandingDialogs().typing("PROD");
        ParameterEditing core = ParameterEditing.standalone();
        ParameterMatrixViewModel model = matrix(core, sessionOn(workspace), dialogs);
        show(stage, ParameterPageFactory.page(model, m -> new EntryTools(m, core, dialogs, background,
                DelayedExecutor.on(background), new FxExecutor())));
    }

    @Test
    void anEntryWithAPickedPathAppearsInTheMatrixAndIsSavedAsItsOwnLinesOnly(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();

        screen.openAddEntry("key_value_replace")
                .entryField(EntryFormView.ITEM_TYPE_ID, "DataPipeline")
                .entryField(EntryFormView.ITEM_NAME_ID, "orchestration_pipeline_DBB")
                .pickJsonPath("$.properties.parameters.retention_days");
        assertThat(screen.pickerWarning()).contains("selects a whole object");
        screen.pickJsonPath("$.properties.parameters.retention_days.defaultValue");
        assertThat(screen.entryFieldText(EntryFormView.FIND_KEY_ID))
                .isEqualTo("$.properties.parameters.retention_days.defaultValue");
        assertThat(screen.waitForMatches(s -> s.contains("matches 1 node"))).contains("retention_days");
        screen.entryValue("TEST", "\"60\"");
        screen.waitForPickerWarning(w -> w.contains("selects a JSON number but the replacement is a string"));
        screen.entryValue("TEST", "60").entryValue("PROD", "90");
        assertThat(screen.submitEntry().waitForEntryVerdict()).isEmpty();

        assertThat(screen.hasEntry("key_value_replace-7")).isTrue();
        assertThat(screen.cellText("key_value_replace-7", "PROD")).isEqualTo("90");
        screen.reason("keep two months of runs in TEST").save().waitForStatus(s -> s.startsWith("Saved 1 change"));

        String anchor = "    file_path: \"dbt_gold.DataBuildToolJob/dbtjob-content.json\"\n";
        assertThat(original).containsOnlyOnce(anchor);
        assertThat(Files.readString(file)).isEqualTo(original.replace(anchor, anchor
                + "  - find_key: \"$.properties.parameters.retention_days.defaultValue\"\n"
                + "    replace_value:\n"
                + "      \"TEST\": 60\n"
                + "      \"PROD\": 90\n"
                + "    item_type: \"DataPipeline\"\n"
                + "    item_name: \"orchestration_pipeline_DBB\"\n"));
    }

    @Test
    void removingAnEntryTakesItsLinesAndCommentOutOfTheSavedFile(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();

        screen.removeEntry("key_value_replace-5");

        assertThat(screen.pendingChanges()).singleElement().asString().startsWith("remove key_value_replace 5");
        assertThat(screen.hasEntry("key_value_replace-6")).isFalse();
        screen.reason("schedule handled elsewhere").save().waitForStatus(s -> s.startsWith("Saved 1 change"));
        String removed = "  # The daily schedule of the master pipeline runs in TEST and PROD only.\n"
                + "  - find_key: $.schedules[?(@.jobType==\"Execute\")].enabled\n"
                + "    replace_value:\n"
                + "      \"sandbox\": false\n"
                + "      \"DEV\": false\n"
                + "      \"TEST\": true\n"
                + "      \"PROD\": true\n"
                + "    file_path: \"orchestration_pipeline_DBB.DataPipeline/.schedules\"\n"
                + "\n";
        assertThat(original).containsOnlyOnce(removed);
        assertThat(Files.readString(file)).isEqualTo(original.replace(removed, ""));
    }

    @Test
    void anExistingFindKeyShowsHowManyNodesItMatches(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();

        screen.showMatches("key_value_replace-2");

        assertThat(screen.entryFieldText(EntryFormView.FIND_KEY_ID))
                .isEqualTo("$.properties.parameters.refresh_concurrency.defaultValue");
        assertThat(screen.waitForMatches(s -> s.contains("matches"))).contains("matches 1 node");
        assertThat(robot.lookup("#" + JsonPathPickerView.TREE_ID).tryQuery()).isPresent();
    }

    @Test
    void aCompletionFillsTheItemsVariableStepByStep(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();

        screen.typeInCell("find_replace-1", "DEV", "$items.La");
        screen.acceptCompletion("Lakehouse");
        assertThat(screen.cellEditorText()).isEqualTo("$items.Lakehouse.");
        screen.acceptCompletion("lh_silver");
        assertThat(screen.completions()).containsExactly("$id", "$sqlendpoint", "$sqlendpointid");
        screen.acceptCompletion("$id");
        assertThat(screen.cellEditorText()).isEqualTo("$items.Lakehouse.lh_silver.$id");
        screen.commitCellEditor();

        assertThat(screen.cellText("find_replace-1", "DEV")).isEqualTo("$items.Lakehouse.lh_silver.$id");
        assertThat(screen.pendingChanges()).containsExactly(
                "find_replace 1 · DEV = $items.Lakehouse.lh_silver.$id");
    }
}
