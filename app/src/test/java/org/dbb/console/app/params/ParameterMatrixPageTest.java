package org.dbb.console.app.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.cli.CommandLineRunner;
import org.dbb.console.app.pages.ParameterMatrixScreen;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.testing.StandingDialogs;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.params.ParameterKind;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit;

class ParameterMatrixPageTest extends ParameterPageTestBase {

    private Path file;
    private byte[] original;

    @Start
    void start(Stage stage) throws IOException {
        Workspace workspace = openFreshSample();
        file = workspace.parameterFile();
        original = Files.readAllBytes(file);
        ParameterMatrixViewModel model = matrix(ParameterEditing.standalone(), sessionOn(workspace),
                new StandingDialogs().typing("PROD"));
        ConsolePage page = ParameterPageFactory.page(model);
        assertThat(page.id()).isEqualTo("parameters");
        show(stage, page);
    }

    @Test
    void editingAValueAndSavingChangesOnlyThatValuesBytes(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();
        assertThat(screen.cellText("key_value_replace-2", "TEST")).isEqualTo("2");

        screen.editCell("key_value_replace-2", "TEST", "4");
        assertThat(screen.cellText("key_value_replace-2", "TEST")).isEqualTo("4");
        screen.reason("TEST capacity doubled").save().waitForStatus(s -> s.startsWith("Saved 1 change"));

        String before = new String(original, StandardCharsets.UTF_8);
        String line = "      \"TEST\": 2\n      \"PROD\": 3\n";
        assertThat(before).containsOnlyOnce(line);
        byte[] expected = before.replace(line, "      \"TEST\": 4\n      \"PROD\": 3\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        assertThat(Files.readAllBytes(file.resolveSibling("parameter.yml.bak"))).isEqualTo(original);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWithTheMessageDbbParamsCheckPrints(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();

        screen.editCell("key_value_replace-4", "PROD", "\"yes\"");

        String printed = checkPrints(new ParameterFileEdit.SetReplaceValue(ParameterKind.KEY_VALUE_REPLACE, 4,
                "PROD", "yes"));
        assertThat(printed).contains("error: Inconsistent data types in key_value_replace replace_value");
        String shown = screen.waitForRefusal(s -> s.contains("Inconsistent data types"));
        assertThat(shown.lines().findFirst().orElseThrow()).endsWith(printed.substring(printed.indexOf(':')));
        screen.cancelEdit();
        assertThat(screen.cellText("key_value_replace-4", "PROD")).isEqualTo("true");
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void anEnvironmentNamedYesIsRefusedWithTheMessageDbbParamsCheckPrints(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();

        screen.renameEnvironment("TEST", "yes");

        String printed = checkPrints(new ParameterFileEdit.RenameEnvironment("TEST", "yes"));
        assertThat(printed).contains("is a YAML bool, not a string");
        String shown = screen.waitForRefusal(s -> s.contains("YAML bool"));
        assertThat(shown.lines().findFirst().orElseThrow()).endsWith(printed.substring(printed.indexOf(':')));
        assertThat(screen.pendingChanges()).isEmpty();
    }

    @Test
    void renamingAnEnvironmentColumnRenamesItEverywhere(FxRobot robot) throws Exception {
        ParameterMatrixScreen screen = new ParameterMatrixScreen(robot).waitUntilLoaded();

        screen.renameEnvironment("TEST", "UAT");

        assertThat(screen.hasEnvironment("UAT")).isTrue();
        assertThat(screen.hasEnvironment("TEST")).isFalse();
        assertThat(screen.cellText("key_value_replace-2", "UAT")).isEqualTo("2");
        assertThat(screen.pendingChanges()).containsExactly("rename environment TEST → UAT");
    }

    /**
     * Writes the file as a hand edit would leave it into a fresh copy of the workspace and runs
     * {@code dbb params check} on it; returns the first error line it prints.
     */
    private String checkPrints(ParameterFileEdit edit) throws IOException {
        Path copy = temp.resolve("check-" + System.nanoTime());
        new SampleWorkspace().exportTo(copy);
        Path target = copy.resolve("fabric/parameter.yml");
        String draft = ParameterEditing.standalone().drafts().draft(TextFile.read(target), edit).orElseThrow();
        Files.writeString(target, draft, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ConsoleServices services = new ConsoleServices(new DataDirectories(copy.resolve("data")))) {
            int exit = new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run("params", "check", target.toString());
            assertThat(exit).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(": error: ")).findFirst()
                .orElseThrow();
    }
}
