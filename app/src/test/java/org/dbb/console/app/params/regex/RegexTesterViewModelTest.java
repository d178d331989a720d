package org.dbb.console.app.params.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.regex.FindValueTester;
import org.dbb.console.core.workspace.params.regex.TrialFile;
import org.dbb.console.core.workspace.params.regex.TrialMatch;

class RegexTesterViewModelTest {

    @TempDir
    static Path temp;

    private static Workspace workspace;

    private final ConsoleSession session = new ConsoleSession();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private RegexTesterViewModel model;

    @BeforeAll
    static void sample() {
        Path root = temp.resolve("sample");
        new SampleWorkspace().exportTo(root);
        workspace = new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments()))
                .open(root);
    }

    @BeforeEach
    void open() {
        model = new RegexTesterViewModel(new ParameterFileValidator(), new FindValueTester(), session,
                background::add, DelayedExecutor.immediate(), Runnable::run);
        session.workspaceProperty().set(workspace);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void readsTheEntriesOffTheCallingThreadAndTriesTheFirstRegex() {
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Reading the find_replace entries of parameter.yml …");
        assertThat(model.entries()).isEmpty();

        runBackground();

        assertThat(model.entries()).hasSize(10);
        assertThat(model.selectedProperty().get().number()).isEqualTo(1);
        assertThat(model.filtersProperty().get()).isEqualTo("item_type Notebook · item_name"
                + " nb_integration_load_audit, nb_monitor_load_completeness, nb_maintenance_cleanup");
        assertThat(model.messages()).isEmpty();
        assertThat(model.files()).extracting(TrialFile::relativePath, TrialFile::matchCount).containsExactly(
                tuple("nb_integration_load_audit.Notebook/notebook-content.py", 1),
                tuple("nb_maintenance_cleanup.Notebook/notebook-content.py", 1),
                tuple("nb_monitor_load_completeness.Notebook/notebook-content.py", 1));
        TrialMatch match = model.files().get(0).matches().get(0);
        assertThat(match.snippet().substring(match.groupStart(), match.groupEnd()))
                .isEqualTo("302bf64e-1365-4510-92a7-36b18dc95002");
        assertThat(model.summaryProperty().get()).isEqualTo("3 matches in 3 of 3 files the filters select; group 1"
                + " (highlighted) is what fabric-cicd replaces");
    }

    @Test
    void aTrialPatternPythonRefusesIsExplainedAndTheEntryIsUnchanged() {
        runBackground();
        String written = model.writtenProperty().get();

        model.trialProperty().set("\"default_lakehouse\":\\s*\"([0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}");
        runBackground();

        assertThat(model.editedProperty().get()).isTrue();
        assertThat(model.messages()).extracting(TesterMessage::error, TesterMessage::text).containsExactly(tuple(true,
                "Invalid regex \"default_lakehouse\":\\s*\"([0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}: missing ),"
                        + " unterminated subpattern at position 24; the pattern must compile with Python's re"
                        + " module"));
        assertThat(model.files()).isEmpty();
        assertThat(model.writtenProperty().get()).isEqualTo(written);

        model.resetTrial();
        runBackground();
        assertThat(model.editedProperty().get()).isFalse();
        assertThat(model.messages()).isEmpty();
    }

    @Test
    void aTrialWithoutGroupOneOrWithoutMatchesSaysWhatFabricCicdWouldDo() {
        runBackground();

        model.trialProperty().set("\"default_lakehouse\":\\s*\"[0-9a-fA-F-]{36}\"");
        runBackground();
        assertThat(model.messages()).singleElement().satisfies(m -> assertThat(m.text())
                .startsWith("The pattern has no group 1"));
        assertThat(model.files()).allMatch(f -> f.matchCount() == 1);

        model.trialProperty().set("\"default_warehouse\":\\s*\"([0-9a-fA-F-]{36})\"");
        runBackground();
        assertThat(model.messages()).extracting(TesterMessage::text).containsExactly(
                "No match in any of the 3 files the filters select: fabric-cicd would change nothing.");
    }

    @Test
    void aLiteralEntrySelectedInTheMatrixShowsItsOccurrences() {
        runBackground();

        model.selectEntry(5);
        runBackground();

        assertThat(model.regexProperty().get()).isFalse();
        assertThat(model.writtenProperty().get()).isEqualTo("d066d025-70ce-44ea-b9c7-b232dca67ee6");
        assertThat(model.files()).singleElement().satisfies(f -> {
            assertThat(f.relativePath()).isEqualTo("integration_pipeline_DBB.DataPipeline/pipeline-content.json");
            assertThat(f.matchCount()).isEqualTo(3);
            assertThat(f.matches()).extracting(TrialMatch::line).containsExactly(56, 130, 204);
        });
        assertThat(model.summaryProperty().get()).endsWith("; the highlighted text is what fabric-cicd replaces");
    }
}
