package org.dbb.console.app.params.tools;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.pages.ParameterMatrixScreen;
import org.dbb.console.app.pages.ParameterToolsScreen;
import org.dbb.console.app.params.ParameterEditing;
import org.dbb.console.app.params.ParameterMatrixViewModel;
import org.dbb.console.app.params.ParameterPageFactory;
import org.dbb.console.app.params.ParameterPageTestBase;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.StandingDialogs;

class ParameterToolsPageTest extends ParameterPageTestBase {

    @Start
    void start(Stage stage) {
        ConsoleSession session = sessionOn(openFreshSample(), "PROD");
        ParameterMatrixViewModel matrix = matrix(ParameterEditing.standalone(), session, new StandingDialogs());
        show(stage, ParameterPageFactory.page(matrix, parameterTools(session)));
    }

    @Test
    void theCoverageListChecksTheSampleForTheWindowsEnvironment(FxRobot robot) throws Exception {
        new ParameterMatrixScreen(robot).waitUntilLoaded();
        ParameterToolsScreen tools = new ParameterToolsScreen(robot).openCoverage();

        assertThat(tools.coverageSummary()).startsWith("0 GUIDs are not replaced for PROD · 23 replaced by"
                + " parameter.yml entries · 41 by fabric-cicd itself").contains("TMDL object ids hidden");
        assertThat(tools.coverageExclusions()).contains("each item's own logicalId in its .platform file");
        assertThat(tools.coverageRows()).isEmpty();

        tools.showModelObjectIds();

        assertThat(tools.coverageRows()).hasSize(118)
                .contains("Customer360.SemanticModel/definition/relationships.tmdl 1:14"
                        + " ef09f737-3140-5dc6-9c99-ca076a3b79fe TMDL object id")
                .allMatch(r -> r.endsWith(" TMDL object id"));
        assertThat(tools.coverageRowsShown()).isPositive();
    }

    @Test
    void theTesterFollowsTheMatrixAndHighlightsGroupOneInTheRealFiles(FxRobot robot) throws Exception {
        new ParameterMatrixScreen(robot).waitUntilLoaded();
        ParameterToolsScreen tools = new ParameterToolsScreen(robot).openTester();
        tools.waitForTesterEntry(e -> e.startsWith("find_replace 1 · regex"));
        tools.waitForTesterSummary(s -> s.startsWith("3 matches in 3 of 3 files"));
        assertThat(tools.highlighted()).containsExactly("302bf64e-1365-4510-92a7-36b18dc95002",
                "302bf64e-1365-4510-92a7-36b18dc95002", "302bf64e-1365-4510-92a7-36b18dc95002");

        tools.clickMatrixCell("find_replace-5", "PROD").waitForTesterEntry(e -> e.startsWith("find_replace 5 · literal"));
        tools.waitForTesterSummary(s -> s.startsWith("3 matches in 1 of 1 file "));
        assertThat(tools.testerFiles()).containsExactly("integration_pipeline_DBB.DataPipeline/pipeline-content.json 3");
        assertThat(tools.highlighted()).containsOnly("d066d025-70ce-44ea-b9c7-b232dca67ee6").hasSize(3);

        tools.clickMatrixCell("find_replace-2", "TEST").waitForTesterEntry(e -> e.startsWith("find_replace 2 · regex"));
        tools.typeTrial("\"default_lakehouse\":\\s*\"([0-9a-fA-F]{8}");
        assertThat(tools.waitForTesterMessage(m -> m.startsWith("Invalid regex"))).containsExactly(
                "Invalid regex \"default_lakehouse\":\\s*\"([0-9a-fA-F]{8}: missing ), unterminated subpattern at"
                        + " position 24; the pattern must compile with Python's re module");
    }
}
