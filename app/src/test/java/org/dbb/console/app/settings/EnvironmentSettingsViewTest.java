package org.dbb.console.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.dbb.console.app.DaemonThreads;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.EnvironmentSettingsScreen;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.workspace.config.edit.EnvironmentField;

/**
 * The settings page on screen: editing DEV's workspace, rejecting bad input, saving byte for byte, testing the
 * sandbox.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentSettingsViewTest {

    private static final ExecutorService BACKGROUND = Executors.newFixedThreadPool(2,
            DaemonThreads.named("settings-view-test-"));

    @TempDir
    static Path temp;

    private SettingsPageFixture page;

    @Start
    void start(Stage stage) {
        page = new SettingsPageFixture(temp.resolve("case-" + System.nanoTime()), Map.of());
        EnvironmentSettingsViewModel model = page.model(BACKGROUND, new FxExecutor());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new EnvironmentSettingsView(model), 1200, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        page.close();
    }

    @AfterAll
    static void stopBackground() {
        BACKGROUND.shutdownNow();
    }

    @Test
    void changingDevsWorkspaceRejectsBadInputThenSavesOnlyTheChangeAndAuditsIt(FxRobot robot) throws Exception {
        EnvironmentSettingsScreen screen = new EnvironmentSettingsScreen(robot).waitUntilLoaded().select("DEV");
        byte[] before = Files.readAllBytes(page.settingsFile);

        screen.type(EnvironmentField.VARIABLE_GROUP_ID, "twelve");
        assertThat(screen.error(EnvironmentField.VARIABLE_GROUP_ID)).isEqualTo("dbb-console.yml:54:71: error:"
                + " environments.DEV.variableGroup.id must be a whole number, not text 'twelve'");
        assertThat(screen.canSave()).isFalse();
        screen.type(EnvironmentField.VARIABLE_GROUP_ID, "12");
        assertThat(screen.error(EnvironmentField.VARIABLE_GROUP_ID)).isEmpty();

        screen.type(EnvironmentField.WORKSPACE, "DBB-DEV-Blue");
        assertThat(screen.canSave()).isTrue();
        String diff = screen.review();
        assertThat(diff).contains("-    workspace: DBB-DEV ").contains("+    workspace: DBB-DEV-Blue ");
        assertThat(Files.readAllBytes(page.settingsFile)).isEqualTo(before);
        screen.write("DEV moved to the blue workspace");

        byte[] after = Files.readAllBytes(page.settingsFile);
        String text = new String(before, StandardCharsets.UTF_8);
        int at = text.indexOf("workspace: DBB-DEV") + "workspace: DBB-DEV".length();
        byte[] inserted = "-Blue".getBytes(StandardCharsets.UTF_8);
        assertThat(after).hasSize(before.length + inserted.length);
        assertThat(java.util.Arrays.copyOfRange(after, 0, at)).isEqualTo(java.util.Arrays.copyOfRange(before, 0, at));
        assertThat(java.util.Arrays.copyOfRange(after, at, at + inserted.length)).isEqualTo(inserted);
        assertThat(java.util.Arrays.copyOfRange(after, at + inserted.length, after.length))
                .isEqualTo(java.util.Arrays.copyOfRange(before, at, before.length));
        assertThat(page.audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SETTINGS_EDIT);
            assertThat(e.environment()).isEqualTo("DEV");
            assertThat(e.before()).contains("workspace: DBB-DEV");
            assertThat(e.after()).contains("workspace: DBB-DEV-Blue");
            assertThat(e.reason()).contains("DEV moved to the blue workspace");
        });
    }

    @Test
    void theAddRenameAndRemoveButtonsShowTheirWholeLabels(FxRobot robot) throws Exception {
        EnvironmentSettingsScreen screen = new EnvironmentSettingsScreen(robot).waitUntilLoaded().select("TEST");

        assertThat(screen.environmentButtonLabelsShown()).containsExactly("Add", "Rename", "Remove");
    }

    @Test
    void renamingTestChangesItsNameInBothFilesAndNoOtherByte(FxRobot robot) throws Exception {
        EnvironmentSettingsScreen screen = new EnvironmentSettingsScreen(robot).waitUntilLoaded().select("TEST");
        byte[] settingsBefore = Files.readAllBytes(page.settingsFile);
        byte[] parametersBefore = Files.readAllBytes(page.parameterFile);

        String diff = screen.rename("QA");

        assertThat(diff).contains("--- a/dbb-console.yml").contains("-  TEST:").contains("+  QA:")
                .contains("--- a/fabric/parameter.yml").contains("-      \"TEST\": \"$items.Lakehouse.lh_bronze.$id\"")
                .contains("+      \"QA\": \"$items.Lakehouse.lh_bronze.$id\"");
        assertThat(screen.reviewNotes()).first().asString().startsWith("fabric/parameter.yml: TEST is renamed to QA"
                + " in 17 entries");
        assertThat(screen.writeLabel()).isEqualTo("Write dbb-console.yml and fabric/parameter.yml");
        assertThat(Files.readAllBytes(page.settingsFile)).isEqualTo(settingsBefore);
        screen.write("TEST becomes the QA environment");

        assertThat(Files.readAllBytes(page.settingsFile)).isEqualTo(renamed(settingsBefore, "\n  TEST:\n",
                "\n  QA:\n", 1));
        assertThat(Files.readAllBytes(page.parameterFile)).isEqualTo(renamed(parametersBefore, "\"TEST\":",
                "\"QA\":", 17));
        assertThat(page.audit()).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo("dbb-console.yml and fabric/parameter.yml: renamed environment TEST"
                    + " to QA");
            assertThat(e.reason()).contains("TEST becomes the QA environment");
        });
    }

    /**
     * {@code bytes} with exactly {@code times} occurrences of {@code from} replaced, every other byte copied:
     * built byte by byte so that the comparison proves nothing else moved.
     */
    private static byte[] renamed(byte[] bytes, String from, String to, int times) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int replaced = 0;
        for (int i = 0; i < bytes.length; ) {
            if (i + f.length <= bytes.length && java.util.Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                out.writeBytes(t);
                i += f.length;
                replaced++;
            } else {
                out.write(bytes[i++]);
            }
        }
        assertThat(replaced).as("occurrences of " + from).isEqualTo(times);
        return out.toByteArray();
    }

    @Test
    void testingTheSandboxReportsTheItemsFound(FxRobot robot) throws Exception {
        EnvironmentSettingsScreen screen = new EnvironmentSettingsScreen(robot).waitUntilLoaded().select("sandbox");

        String result = screen.testConnection();

        assertThat(result).startsWith("Connected to the sandbox emulator at http://127.0.0.1:")
                .containsPattern("workspace 'DBB Sandbox' \\([0-9a-f-]{36}\\) holds [1-9][0-9]* items")
                .endsWith("every item of the repository is there.");
    }
}
