package org.dbb.console.core.workspace.config.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.MonitoringSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/** Environment edits of dbb-console.yml: only the edited bytes move, secrets never reach the file. */
class EnvironmentEditTest {

    @TempDir
    Path root;

    private final ConsoleSettingsReader reader = new ConsoleSettingsReader();
    private final ConsoleSettingsEditor editor = new ConsoleSettingsEditor(reader, new AtomicFileWriter());

    private Path sample() {
        new SampleWorkspace().exportTo(root);
        return root.resolve(ConsoleSettings.FILE_NAME);
    }

    private Path settings(String text) throws IOException {
        Path file = root.resolve(ConsoleSettings.FILE_NAME);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private SettingsFileEdit save(EnvironmentEdit edit) {
        return editor.apply(editor.preview(root, edit));
    }

    private static EnvironmentEdit.Update update(String env, EnvironmentField field, String value) {
        return new EnvironmentEdit.Update(env, Map.of(field, Optional.ofNullable(value)));
    }

    private EnvironmentSettings env(String name) {
        return reader.read(root).environment(name).orElseThrow();
    }

    @Test
    void aNewWorkspaceNameTakesTheOldOnesPlaceAndKeepsTheCommentBesideIt() throws IOException {
        Path file = sample();
        String before = Files.readString(file);

        SettingsFileEdit edit = save(update("DEV", EnvironmentField.WORKSPACE, "DBB-DEV-2"));

        assertThat(Files.readString(file)).isEqualTo(before.replace(
                "    workspace: DBB-DEV                   # workspace name or id",
                "    workspace: DBB-DEV-2                   # workspace name or id"));
        assertThat(edit.changes()).singleElement().satisfies(c -> {
            assertThat(c.setting()).isEqualTo("environments.DEV.workspace");
            assertThat(c.before()).contains("DBB-DEV");
            assertThat(c.after()).isEqualTo("DBB-DEV-2");
        });
        assertThat(Files.readString(AtomicFileWriter.backupOf(file))).isEqualTo(before);
        assertThat(env("DEV").workspace().orElseThrow().raw()).isEqualTo("DBB-DEV-2");
    }

    @Test
    void valuesYamlWouldReadAsSomethingElseAreQuoted() throws IOException {
        Path file = sample();
        String before = Files.readString(file);

        save(update("TEST", EnvironmentField.WORKSPACE, "yes"));

        assertThat(Files.readString(file)).isEqualTo(before.replace("workspace: DBB-TEST", "workspace: \"yes\""));
        assertThat(env("TEST").workspace().orElseThrow().raw()).isEqualTo("yes");
    }

    @Test
    void settingsInAFlowSectionAreReplacedAddedAndRemovedInsideTheBraces() throws IOException {
        Path file = sample();
        String before = Files.readString(file);
        Map<EnvironmentField, Optional<String>> values = new LinkedHashMap<>();
        values.put(EnvironmentField.VARIABLE_GROUP_ID, Optional.of("21"));
        values.put(EnvironmentField.MONITORING_DATABASE, Optional.empty());
        values.put(EnvironmentField.MONITORING_STORE, Optional.empty());
        values.put(EnvironmentField.MONITORING_SERVER, Optional.empty());

        save(new EnvironmentEdit.Update("PROD", values));

        String expected = before
                .replace("variableGroup: {organization: contoso, project: DataBackBone, id: 14}",
                        "variableGroup: {organization: contoso, project: DataBackBone, id: 21}");
        int monitoring = expected.indexOf("    monitoring: {store: warehouse");
        expected = expected.substring(0, monitoring) + expected.substring(expected.indexOf('\n', monitoring) + 1);
        assertThat(Files.readString(file)).isEqualTo(expected);
        assertThat(env("PROD").variableGroup()).contains(new VariableGroupRef("contoso", "DataBackBone", 21));
        assertThat(env("PROD").monitoring()).isEmpty();
    }

    @Test
    void newSettingsAreOneLineAtTheEnvironmentsIndentationAndSectionsAreWrittenInBraces() throws IOException {
        Path file = sample();
        String before = Files.readString(file);
        Map<EnvironmentField, Optional<String>> values = new LinkedHashMap<>();
        values.put(EnvironmentField.PROTECTED, Optional.of("true"));
        values.put(EnvironmentField.WEBHOOK, Optional.of("$ENV:DBB_TEST_WEBHOOK"));
        values.put(EnvironmentField.MONITORING_STORE, Optional.of("embedded"));

        save(new EnvironmentEdit.Update("TEST", values));

        String last = "    variableGroup: {organization: contoso, project: DataBackBone, id: 13}\n";
        assertThat(Files.readString(file)).isEqualTo(before.replace(last, last + "    protected: true\n"
                + "    notifications: {webhook: $ENV:DBB_TEST_WEBHOOK}\n    monitoring: {store: embedded}\n"));
        EnvironmentSettings test = env("TEST");
        assertThat(test.protectedEnv()).isTrue();
        assertThat(test.notifications().orElseThrow().webhook().orElseThrow().raw())
                .isEqualTo("$ENV:DBB_TEST_WEBHOOK");
        assertThat(test.monitoring()).contains(MonitoringSettings.EMBEDDED);
    }

    @Test
    void aLiteralWebhookUrlIsRefusedWithWhereToPutItAndNeverReachesTheFileOrTheMessage() throws IOException {
        Path file = sample();
        byte[] before = Files.readAllBytes(file);
        String url = "https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456";

        assertThatThrownBy(() -> editor.preview(root, update("DEV", EnvironmentField.WEBHOOK, url)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments.DEV.notifications.webhook was not saved")
                .hasMessageContaining("variable group")
                .hasMessageContaining("OS environment variable")
                .hasMessageContaining("$ENV:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("contoso.webhook.office.com"));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(AtomicFileWriter.backupOf(file)).doesNotExist();
    }

    @Test
    void aLiteralClientSecretIsRefusedToo() {
        sample();
        assertThatThrownBy(() -> editor.preview(root, update("PROD", EnvironmentField.CLIENT_SECRET, "s3cr3t~x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments.PROD.clientSecret was not saved")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void anInvalidValueIsRefusedWithTheValidatorsMessageAndPosition() throws IOException {
        Path file = sample();
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> editor.preview(root, update("DEV", EnvironmentField.VARIABLE_GROUP_ID, "twelve")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.message()).isEqualTo("environments.DEV.variableGroup.id must be a whole"
                                    + " number, not text 'twelve'");
                            assertThat(p.line()).isEqualTo(54);
                            assertThat(p.file()).isEqualTo(file);
                        }));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void removingTheWorkspaceOfARealEnvironmentGivesTheValidatorsMessage() {
        sample();
        assertThatThrownBy(() -> editor.preview(root, update("DEV", EnvironmentField.WORKSPACE, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments.DEV has no 'workspace'");
    }

    @Test
    void anAuthMethodOutsideTheChoicesGivesTheValidatorsMessage() {
        sample();
        assertThatThrownBy(() -> editor.preview(root, update("DEV", EnvironmentField.AUTH, "password")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments.DEV.auth must be one of " + AuthMethod.choices());
    }

    @Test
    void renamingChangesOnlyTheNameAndKeepsThePlace() throws IOException {
        Path file = sample();
        String before = Files.readString(file);

        SettingsFileEdit edit = save(new EnvironmentEdit.Rename("TEST", "UAT"));

        assertThat(Files.readString(file)).isEqualTo(before.replace("\n  TEST:\n", "\n  UAT:\n"));
        assertThat(reader.read(root).environments().keySet()).containsExactly("sandbox", "DEV", "UAT", "PROD");
        assertThat(edit.changes()).singleElement().satisfies(c -> assertThat(c.after()).isEqualTo("UAT"));
    }

    @Test
    void renamingToANameInUseIsRefusedWithTheValidatorsMessage() {
        sample();
        assertThatThrownBy(() -> editor.preview(root, new EnvironmentEdit.Rename("TEST", "dev")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("duplicate key 'dev' in environments");
        assertThatThrownBy(() -> editor.preview(root, new EnvironmentEdit.Rename("TEST", "on")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment name 'on' cannot be used");
    }

    @Test
    void anAddedEnvironmentFollowsTheLastOneInTheFilesLayout() throws IOException {
        Path file = sample();
        String before = Files.readString(file);
        Map<EnvironmentField, String> values = new LinkedHashMap<>();
        values.put(EnvironmentField.WORKSPACE, "DBB-UAT");
        values.put(EnvironmentField.TENANT, "contoso.onmicrosoft.com");
        values.put(EnvironmentField.AUTH, "azure-cli");
        values.put(EnvironmentField.VARIABLE_GROUP_ORGANIZATION, "contoso");
        values.put(EnvironmentField.VARIABLE_GROUP_PROJECT, "DataBackBone");
        values.put(EnvironmentField.VARIABLE_GROUP_ID, "15");

        save(new EnvironmentEdit.Add("UAT", values));

        assertThat(Files.readString(file)).isEqualTo(before + "\n  UAT:\n    workspace: DBB-UAT\n"
                + "    tenant: contoso.onmicrosoft.com\n    auth: azure-cli\n"
                + "    variableGroup: {organization: contoso, project: DataBackBone, id: 15}\n");
        EnvironmentSettings uat = env("UAT");
        assertThat(uat.auth()).isEqualTo(AuthMethod.AZURE_CLI);
        assertThat(uat.variableGroup()).contains(new VariableGroupRef("contoso", "DataBackBone", 15));
    }

    @Test
    void removingAnEnvironmentThenAddingItBackRestoresTheFileExactly() throws IOException {
        String kept = "environments:\n  sandbox: {emulator: true}\n\n  TEST:\n    workspace: T  # test\n";
        Path file = settings(kept + "\n  DEV:\n    workspace: W\n");
        String before = Files.readString(file);

        save(new EnvironmentEdit.Remove("DEV"));
        assertThat(Files.readString(file)).isEqualTo(kept);

        save(new EnvironmentEdit.Add("DEV", Map.of(EnvironmentField.WORKSPACE, "W")));
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void removingAMiddleEnvironmentTakesItsLinesAndOneSeparatingBlankLine() throws IOException {
        Path file = sample();
        String before = Files.readString(file);

        SettingsFileEdit edit = save(new EnvironmentEdit.Remove("TEST"));

        int start = before.indexOf("  TEST:\n");
        int end = before.indexOf("  PROD:\n");
        assertThat(Files.readString(file)).isEqualTo(before.substring(0, start) + before.substring(end));
        assertThat(reader.read(root).environments().keySet()).containsExactly("sandbox", "DEV", "PROD");
        assertThat(edit.changes()).singleElement().satisfies(c -> {
            assertThat(c.before().orElseThrow()).startsWith("TEST: workspace DBB-TEST");
            assertThat(c.after()).isEqualTo("removed");
        });
    }

    @Test
    void removingTheLastEnvironmentIsRefusedWithTheValidatorsMessage() throws IOException {
        settings("environments:\n  DEV:\n    workspace: W\n");
        assertThatThrownBy(() -> editor.preview(root, new EnvironmentEdit.Remove("DEV")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments must be a mapping");
    }

    @Test
    void crlfLineEndingsTheByteOrderMarkAndOtherBytesAreKept() throws IOException {
        String text = "# r\u00e9glages \ud83d\ude80\r\nenvironments:   # where runs go\r\n"
                + "  sandbox: {emulator: true}\r\n  DEV:\r\n    workspace: 'DBB DEV'  # quoted\r\n"
                + "    auth: interactive\r\n";
        Path file = root.resolve(ConsoleSettings.FILE_NAME);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(file, concat(bom, text.getBytes(StandardCharsets.UTF_8)));
        Map<EnvironmentField, Optional<String>> values = new LinkedHashMap<>();
        values.put(EnvironmentField.WORKSPACE, Optional.of("DBB Dev's"));
        values.put(EnvironmentField.TENANT, Optional.of("contoso.onmicrosoft.com"));

        save(new EnvironmentEdit.Update("DEV", values));

        String expected = text.replace("'DBB DEV'", "'DBB Dev''s'")
                .replace("    auth: interactive\r\n",
                        "    auth: interactive\r\n    tenant: contoso.onmicrosoft.com\r\n");
        assertThat(Files.readAllBytes(file)).isEqualTo(concat(bom, expected.getBytes(StandardCharsets.UTF_8)));
        assertThat(env("DEV").workspace().orElseThrow().raw()).isEqualTo("DBB Dev's");
    }

    @Test
    void aFileEditedElsewhereAfterThePreviewIsNotOverwritten() throws IOException {
        Path file = sample();
        SettingsFileEdit preview = editor.preview(root, update("DEV", EnvironmentField.TENANT, "fabrikam.com"));
        String changedElsewhere = Files.readString(file).replace("# DBB Console", "# The DBB Console");
        Files.writeString(file, changedElsewhere);

        assertThatThrownBy(() -> editor.apply(preview))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changed on disk");
        assertThat(Files.readString(file)).isEqualTo(changedElsewhere);
    }

    @Test
    void aValueThatSpansLinesIsRefused() {
        sample();
        assertThatThrownBy(() -> editor.preview(root, update("DEV", EnvironmentField.TENANT, "a\nenvironments: x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environments.DEV.tenant must be on one line");
    }

    @Test
    void aFileWithoutAFinalLineBreakGetsTheNewLineBeforeTheAddition() throws IOException {
        Path file = settings("environments:\n  DEV:\n    workspace: W");

        save(update("DEV", EnvironmentField.TENANT, "t"));
        assertThat(Files.readString(file)).isEqualTo("environments:\n  DEV:\n    workspace: W\n    tenant: t");

        save(update("DEV", EnvironmentField.TENANT, null));
        assertThat(Files.readString(file)).isEqualTo("environments:\n  DEV:\n    workspace: W");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
