package org.dbb.console.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.models.ModelSelectionStore;
import org.dbb.console.app.models.ModelsPageFactory;
import org.dbb.console.app.shell.ShellViewModel;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.auth.AccessToken;
import org.dbb.console.core.auth.EnvironmentTokens;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.SignInFailure;
import org.dbb.console.core.auth.SignInState;
import org.dbb.console.core.auth.SignInStatus;
import org.dbb.console.core.auth.TokenScope;
import org.dbb.console.core.auth.TokenStorage;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.workspace.config.edit.EnvironmentField;

/**
 * The settings page's view model without a toolkit: real files, editor, validator, audit trail and sandbox emulator;
 * work handed to its executors runs on the calling thread, so each command has finished when it returns.
 */
@Timeout(60)
class EnvironmentSettingsViewModelTest {

    private static final ConnectionTester UNUSED_TESTER = (ws, env, progress) -> {
        throw new AssertionError("no connection test expected");
    };

    @TempDir
    Path temp;

    private SettingsPageFixture page;
    private final List<String> signedIn = new ArrayList<>();

    private SettingsPageFixture page(Map<String, String> os) {
        page = new SettingsPageFixture(temp, os);
        return page;
    }

    @AfterEach
    void close() {
        if (page != null) {
            page.close();
        }
    }

    private EnvironmentSettingsViewModel model() {
        return page(Map.of()).model(UNUSED_TESTER, scriptedTokens());
    }

    private ShellViewModel.TokensSource scriptedTokens() {
        return (ws, env) -> new ScriptedTokens(env.name());
    }

    private static EnvironmentForm form(EnvironmentSettingsViewModel model) {
        return model.formProperty().get();
    }

    @Test
    void listsTheEnvironmentsOfTheFileAndShowsTheSessionsOne() {
        EnvironmentSettingsViewModel model = model();

        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.READY);
        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(model.selectedProperty().get()).isEqualTo("DEV");
        EnvironmentForm dev = form(model);
        assertThat(dev.valueProperty(EnvironmentField.WORKSPACE).get()).isEqualTo("DBB-DEV");
        assertThat(dev.valueProperty(EnvironmentField.VARIABLE_GROUP_ID).get()).isEqualTo("12");
        assertThat(dev.dirtyProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
    }

    @Test
    void anInvalidValueIsShownAtItsSettingWithTheValidatorsMessageAndCannotBeSaved() {
        EnvironmentSettingsViewModel model = model();
        EnvironmentForm dev = form(model);

        dev.valueProperty(EnvironmentField.VARIABLE_GROUP_ID).set("twelve");

        assertThat(dev.errorProperty(EnvironmentField.VARIABLE_GROUP_ID).get()).isEqualTo("dbb-console.yml:54:71:"
                + " error: environments.DEV.variableGroup.id must be a whole number, not text 'twelve'");
        assertThat(dev.validProperty().get()).isFalse();
        assertThat(model.canSaveProperty().get()).isFalse();
        model.review();
        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.READY);
        assertThat(model.statusProperty().get()).startsWith("Nothing was written");

        dev.valueProperty(EnvironmentField.VARIABLE_GROUP_ID).set("21");
        assertThat(dev.errorProperty(EnvironmentField.VARIABLE_GROUP_ID).get()).isEmpty();
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void aRuleAboutTheWholeEnvironmentIsShownForTheForm() {
        EnvironmentSettingsViewModel model = model();
        EnvironmentForm dev = form(model);

        dev.valueProperty(EnvironmentField.AUTH).set("service-principal");

        assertThat(dev.formErrors()).anySatisfy(e -> assertThat(e)
                .contains("environments.DEV signs in as a service principal but lacks 'clientId' or 'tenant'")
                .startsWith("dbb-console.yml:"));
        assertThat(dev.validProperty().get()).isFalse();

        dev.valueProperty(EnvironmentField.CLIENT_ID).set("$ENV:DBB_DEV_CLIENT_ID");
        dev.valueProperty(EnvironmentField.CLIENT_SECRET).set("$ENV:DBB_DEV_CLIENT_SECRET");
        assertThat(dev.formErrors()).isEmpty();
        assertThat(dev.validProperty().get()).isTrue();
    }

    @Test
    void aPastedWebhookUrlIsTakenOffTheFormAndRefusedWithWhereToPutIt() throws Exception {
        EnvironmentSettingsViewModel model = model();
        String before = page.text();
        EnvironmentForm dev = form(model);

        dev.valueProperty(EnvironmentField.WEBHOOK)
                .set("https://contoso.webhook.office.com/webhookb2/x/IncomingWebhook/y");

        assertThat(dev.valueProperty(EnvironmentField.WEBHOOK).get()).isEmpty();
        assertThat(dev.errorProperty(EnvironmentField.WEBHOOK).get())
                .contains("environments.DEV.notifications.webhook was not saved")
                .contains("variable group").contains("OS environment variable").contains("$ENV:")
                .doesNotContain("office.com");
        assertThat(dev.webhookDisplayProperty().get()).doesNotContain("office.com");
        assertThat(model.statusIsErrorProperty().get()).isTrue();
        assertThat(page.text()).isEqualTo(before);
    }

    @Test
    void aTypedLiteralSecretIsMaskedAndRefused() {
        EnvironmentSettingsViewModel model = model();
        EnvironmentForm dev = form(model);

        dev.valueProperty(EnvironmentField.WEBHOOK).set("hunter2");

        assertThat(dev.webhookDisplayProperty().get()).isEqualTo("••••••");
        assertThat(dev.errorProperty(EnvironmentField.WEBHOOK).get()).contains("was not saved")
                .doesNotContain("hunter2");
        assertThat(dev.validProperty().get()).isFalse();
    }

    @Test
    void aWebhookReferenceIsShownWithWhereItResolvesFromAndNeverItsValue() {
        EnvironmentSettingsViewModel model = page(Map.of("DBB_DEV_HOOK", "https://secret.example/hook",
                "DBB_TEAMS_WEBHOOK", "https://secret.example/top")).model(UNUSED_TESTER, scriptedTokens());
        EnvironmentForm dev = form(model);

        assertThat(dev.webhookDisplayProperty().get()).isEqualTo("not set here; uses the top-level webhook"
                + " $ENV:DBB_TEAMS_WEBHOOK — resolves from variable group 12 (contoso/DataBackBone) if it holds"
                + " DBB_TEAMS_WEBHOOK, else from the OS environment variable DBB_TEAMS_WEBHOOK (set); Test connection"
                + " reads the group");

        dev.valueProperty(EnvironmentField.WEBHOOK).set("$ENV:DBB_DEV_HOOK");
        assertThat(dev.webhookDisplayProperty().get()).startsWith("$ENV:DBB_DEV_HOOK — resolves from variable group"
                + " 12").doesNotContain("secret.example");

        model.selectedProperty().set("sandbox");
        assertThat(form(model).webhookDisplayProperty().get()).isEqualTo("not set here; uses the top-level webhook"
                + " $ENV:DBB_TEAMS_WEBHOOK — resolves from the sandbox emulator's variable group");
    }

    @Test
    void savingShowsTheDiffThenWritesOnlyTheChangeAndAuditsIt() throws Exception {
        EnvironmentSettingsViewModel model = model();
        String before = page.text();
        EnvironmentForm dev = form(model);

        dev.valueProperty(EnvironmentField.WORKSPACE).set("DBB-DEV-2");
        model.review();

        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.REVIEWING);
        assertThat(model.diffProperty().get()).contains("--- a/dbb-console.yml")
                .contains("\n-    workspace: DBB-DEV                   # workspace name or id")
                .contains("\n+    workspace: DBB-DEV-2                   # workspace name or id");
        assertThat(page.text()).isEqualTo(before);

        model.reasonProperty().set("workspace moved");
        model.write();

        assertThat(page.text()).isEqualTo(before.replace("workspace: DBB-DEV ", "workspace: DBB-DEV-2 "));
        assertThat(Files.readString(AtomicFileWriter.backupOf(page.settingsFile))).isEqualTo(before);
        assertThat(model.statusProperty().get()).startsWith("Saved dbb-console.yml (changed workspace of DEV)");
        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.READY);
        assertThat(page.reopened.get()).isEqualTo(1);
        assertThat(page.session.workspace().settings().environment("DEV").orElseThrow().workspace().orElseThrow()
                .raw()).isEqualTo("DBB-DEV-2");
        assertThat(form(model).dirtyProperty().get()).isFalse();
        assertThat(page.audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SETTINGS_EDIT);
            assertThat(e.environment()).isEqualTo("DEV");
            assertThat(e.before()).contains("workspace: DBB-DEV");
            assertThat(e.after()).contains("workspace: DBB-DEV-2");
            assertThat(e.reason()).contains("workspace moved");
        });
    }

    @Test
    void theAuditEntryOfAWebhookChangeNamesTheReferencesNotValues() {
        EnvironmentSettingsViewModel model = page(Map.of("DBB_PROD_TEAMS_WEBHOOK", "https://secret.example/a"))
                .model(UNUSED_TESTER, scriptedTokens());
        model.selectedProperty().set("PROD");
        form(model).valueProperty(EnvironmentField.WEBHOOK).set("$ENV:DBB_PROD_WEBHOOK_2");
        model.review();
        model.write();

        assertThat(page.audit()).singleElement().satisfies(e -> {
            assertThat(e.before()).contains("notifications.webhook: $ENV:DBB_PROD_TEAMS_WEBHOOK");
            assertThat(e.after()).contains("notifications.webhook: $ENV:DBB_PROD_WEBHOOK_2");
            assertThat(e.before().orElseThrow() + e.after().orElseThrow()).doesNotContain("secret.example");
        });
    }

    @Test
    void aProtectedEnvironmentIsSavedOnlyWhenItsNameIsTyped() throws Exception {
        EnvironmentSettingsViewModel model = model();
        String before = page.text();
        model.selectedProperty().set("PROD");
        form(model).valueProperty(EnvironmentField.TENANT).set("fabrikam.onmicrosoft.com");
        model.review();

        page.dialogs.typing("prod");
        model.write();
        assertThat(page.dialogs.asked()).singleElement().asString().startsWith("Change protected environment PROD");
        assertThat(model.statusProperty().get()).startsWith("Not saved");
        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.REVIEWING);
        assertThat(page.text()).isEqualTo(before);

        page.dialogs.typing("PROD");
        model.write();
        assertThat(page.text()).contains("    tenant: fabrikam.onmicrosoft.com\n    protected: true");
        assertThat(page.audit()).hasSize(1);
    }

    @Test
    void environmentsAreAddedRenamedAndRemovedThroughReviewedWrites() throws Exception {
        EnvironmentSettingsViewModel model = model();

        model.newNameProperty().set("UAT");
        model.newWorkspaceProperty().set("DBB-UAT");
        model.reviewAdd();
        assertThat(model.diffProperty().get()).contains("+  UAT:").contains("+    workspace: DBB-UAT");
        assertThat(model.reviewNotes()).anySatisfy(n -> assertThat(n).contains("parameter.yml"));
        model.write();
        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD", "UAT");
        assertThat(model.selectedProperty().get()).isEqualTo("UAT");

        model.newNameProperty().set("ACC");
        model.reviewRename();
        model.write();
        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD", "ACC");
        assertThat(model.selectedProperty().get()).isEqualTo("ACC");

        model.reviewRemove();
        model.write();
        assertThat(page.dialogs.asked()).singleElement().asString().startsWith("Remove environment ACC");
        assertThat(model.environments()).containsExactly("sandbox", "DEV", "TEST", "PROD");
        assertThat(page.text()).doesNotContain("ACC").doesNotContain("UAT");
        assertThat(page.audit()).extracting(e -> e.subject()).containsExactly(
                "dbb-console.yml: added environment UAT", "dbb-console.yml: renamed environment UAT to ACC",
                "dbb-console.yml: removed environment ACC");
    }

    @Test
    void renamingAnEnvironmentReviewsAndSavesBothFilesWithOneAuditEntry() throws Exception {
        EnvironmentSettingsViewModel model = model();
        String settingsBefore = page.text();
        String parametersBefore = Files.readString(page.parameterFile);

        model.newNameProperty().set("DEVELOP");
        model.reviewRename();

        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.REVIEWING);
        assertThat(model.diffProperty().get()).contains("--- a/dbb-console.yml").contains("\n-  DEV:\n+  DEVELOP:")
                .contains("--- a/fabric/parameter.yml").contains("\n-      \"DEV\": \"$items.Lakehouse.lh_bronze.$id\"")
                .contains("\n+      \"DEVELOP\": \"$items.Lakehouse.lh_bronze.$id\"");
        assertThat(model.reviewNotes()).first().asString().startsWith("fabric/parameter.yml: DEV is renamed to"
                + " DEVELOP in 17 entries");
        assertThat(model.statusProperty().get()).isEqualTo("Review the change to dbb-console.yml and"
                + " fabric/parameter.yml, then write it.");
        assertThat(page.text()).isEqualTo(settingsBefore);

        model.reasonProperty().set("DEV is now called DEVELOP");
        model.write();

        assertThat(page.text()).isEqualTo(settingsBefore.replace("\n  DEV:\n", "\n  DEVELOP:\n"));
        assertThat(Files.readString(page.parameterFile)).isEqualTo(parametersBefore.replace("\"DEV\":",
                "\"DEVELOP\":"));
        assertThat(model.statusProperty().get()).isEqualTo("Saved dbb-console.yml and fabric/parameter.yml (renamed"
                + " environment DEV to DEVELOP); the previous versions are kept as dbb-console.yml.bak and"
                + " parameter.yml.bak.");
        assertThat(model.environments()).containsExactly("sandbox", "DEVELOP", "TEST", "PROD");
        assertThat(page.audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SETTINGS_EDIT);
            assertThat(e.subject()).isEqualTo("dbb-console.yml and fabric/parameter.yml: renamed environment DEV to"
                    + " DEVELOP");
            assertThat(e.before()).contains("environments.DEV: DEV; fabric/parameter.yml: 17 keys 'DEV'");
            assertThat(e.after()).contains("environments.DEV: DEVELOP; fabric/parameter.yml: 17 keys"
                    + " 'DEVELOP'");
            assertThat(e.reason()).contains("DEV is now called DEVELOP");
        });
    }

    @Test
    void theSavedModelSelectionFollowsARenameAndIsDroppedWithARemoval() throws Exception {
        EnvironmentSettingsViewModel model = model();
        ModelSelectionStore selections = page.services.modelSelections();
        selections.save(page.workspaceRoot, "TEST", List.of("HR", "Sales"));
        selections.launched(page.workspaceRoot, "TEST", List.of("HR"));
        selections.save(page.workspaceRoot, "PROD", List.of("Finance"));

        model.selectedProperty().set("TEST");
        model.newNameProperty().set("QA");
        model.reviewRename();
        assertThat(selections.saved(page.workspaceRoot, "TEST")).as("nothing moves at the review").isPresent();
        model.write();

        assertThat(model.statusIsErrorProperty().get()).isFalse();
        ModelSelectionStore reread = ModelsPageFactory.selections(page.services.dataDirectories().root(),
                page.services.writer());
        assertThat(reread.saved(page.workspaceRoot, "QA")).contains(List.of("HR", "Sales"));
        assertThat(reread.saved(page.workspaceRoot, "TEST")).isEmpty();
        assertThat(reread.launched(page.workspaceRoot, "QA", List.of("HR"))).as("the last launch moved too")
                .isEmpty();

        page.dialogs.typing("PROD");
        model.selectedProperty().set("PROD");
        model.reviewRemove();
        model.write();

        assertThat(selections.saved(page.workspaceRoot, "PROD")).isEmpty();
        assertThat(Files.readString(selections.file())).doesNotContain("PROD").contains("QA");
    }

    @Test
    void removingAnEnvironmentKeepsAParameterEntryWhoseOnlyEnvironmentItIsAndSaysSo() throws Exception {
        page(Map.of());
        String onlyTest = "  - find_value: \"only-in-test\"\n    replace_value:\n      \"TEST\": \"x\"\n";
        String parameters = Files.readString(page.parameterFile).replace("\nkey_value_replace:",
                onlyTest + "\nkey_value_replace:");
        Files.writeString(page.parameterFile, parameters);
        EnvironmentSettingsViewModel model = page.model(UNUSED_TESTER, scriptedTokens());
        model.selectedProperty().set("TEST");

        model.reviewRemove();

        assertThat(model.reviewNotes()).anySatisfy(n -> assertThat(n).startsWith("fabric/parameter.yml: the values"
                + " for TEST are removed from 17 entries"));
        assertThat(model.reviewNotes()).anySatisfy(n -> assertThat(n).contains("find_replace entry 11 has a value"
                + " only for 'TEST'; it is kept"));
        model.write();

        String after = Files.readString(page.parameterFile);
        assertThat(after).contains(onlyTest).doesNotContain("\"TEST\": \"$items");
        assertThat(page.text()).doesNotContain("\n  TEST:");
        assertThat(page.audit()).singleElement().satisfies(e -> assertThat(e.after().orElseThrow()).contains(
                "fabric/parameter.yml: 17 of 18 keys 'TEST' removed, 1 kept as the entry's only environment"));
    }

    @Test
    void whenParameterYmlCannotBeWrittenNeitherFileChanges() throws Exception {
        EnvironmentSettingsViewModel model = model();
        String settingsBefore = page.text();
        page.services.modelSelections().save(page.workspaceRoot, "TEST", List.of("HR"));
        byte[] selectionsBefore = Files.readAllBytes(page.services.modelSelections().file());
        model.newNameProperty().set("QA");
        model.selectedProperty().set("TEST");
        model.reviewRename();
        page.parameterFile.toFile().setWritable(false);
        try {
            model.write();
        } finally {
            page.parameterFile.toFile().setWritable(true);
        }

        assertThat(model.statusIsErrorProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("Nothing was written: ").contains("read-only")
                .contains("dbb-console.yml was put back as it was, so neither file changed");
        assertThat(page.text()).isEqualTo(settingsBefore);
        assertThat(page.audit()).isEmpty();
        assertThat(Files.readAllBytes(page.services.modelSelections().file())).as("the saved model selections")
                .isEqualTo(selectionsBefore);
        assertThat(page.services.modelSelections().saved(page.workspaceRoot, "TEST")).contains(List.of("HR"));
    }

    @Test
    void aRenameParameterYmlCannotTakeIsRefusedBeforeTheReview() throws Exception {
        page(Map.of());
        Files.writeString(page.parameterFile, Files.readString(page.parameterFile).replace("\"sandbox\": 2\n      \"DEV\": 1",
                "\"sandbox\": 2\n      \"QA\": 5\n      \"DEV\": 1"));
        EnvironmentSettingsViewModel model = page.model(UNUSED_TESTER, scriptedTokens());
        model.newNameProperty().set("QA");

        model.reviewRename();

        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.READY);
        assertThat(model.statusProperty().get()).startsWith("Not possible: ").contains("'QA' already exists");
    }

    @Test
    void aNameTheValidatorRejectsIsNotReviewed() {
        EnvironmentSettingsViewModel model = model();

        model.newNameProperty().set("yes");
        model.newWorkspaceProperty().set("W");
        model.reviewAdd();

        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.READY);
        assertThat(model.statusIsErrorProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("dbb-console.yml:")
                .contains("environment name 'yes' cannot be used");
    }

    @Test
    void aFileChangedElsewhereBetweenReviewAndWriteIsNotOverwritten() throws Exception {
        EnvironmentSettingsViewModel model = model();
        form(model).valueProperty(EnvironmentField.TENANT).set("fabrikam.com");
        model.review();
        String elsewhere = page.text().replace("# DBB Console settings", "# The DBB Console settings");
        Files.writeString(page.settingsFile, elsewhere);

        model.write();

        assertThat(model.statusProperty().get()).startsWith("Nothing was written:").contains("changed on disk");
        assertThat(page.text()).isEqualTo(elsewhere);
        assertThat(page.audit()).isEmpty();
    }

    @Test
    void testingTheSandboxReportsItsWorkspaceAndItems() {
        EnvironmentSettingsViewModel model = page(Map.of()).model(Runnable::run, Runnable::run);
        List<String> progress = new ArrayList<>();
        model.progressProperty().addListener((o, was, now) -> progress.add(now));
        model.selectedProperty().set("sandbox");

        model.testConnection();

        int items = page.session.workspace().items().items().size();
        assertThat(model.testResultProperty().get())
                .startsWith("Connected to the sandbox emulator at http://127.0.0.1:")
                .contains("workspace 'DBB Sandbox'")
                .contains("every item of the repository is there.");
        assertThat(model.testFailedProperty().get()).isFalse();
        assertThat(model.missingItems()).isEmpty();
        assertThat(progress).contains("Looking up workspace 'DBB Sandbox' and its items in the sandbox emulator …");
        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.READY);
        assertThat(items).isPositive();
    }

    @Test
    void aConnectionTestUsesTheValuesAsTypedAndSaysWhatToDoWhenTheWorkspaceIsNotThere() throws Exception {
        EnvironmentSettingsViewModel model = page(Map.of()).model(Runnable::run, Runnable::run);
        String before = page.text();
        model.selectedProperty().set("sandbox");
        form(model).valueProperty(EnvironmentField.WORKSPACE).set("DBB Sandbox Old");

        model.testConnection();

        assertThat(model.testFailedProperty().get()).isTrue();
        assertThat(model.testResultProperty().get()).startsWith("Connection test of sandbox failed: ")
                .contains("DBB Sandbox Old").contains("DBB Sandbox");
        assertThat(page.text()).isEqualTo(before);
    }

    @Test
    void aFailedSignInDuringTheTestSaysWhatToDo() {
        EnvironmentSettingsViewModel model = page(Map.of()).model((ws, env, progress) -> {
            progress.accept("Waiting for you to sign in to DEV in the browser window that opened …");
            throw new SignInException(SignInFailure.CANCELLED, "the sign-in was cancelled; choose Sign in to try"
                    + " again");
        }, scriptedTokens());

        model.testConnection();

        assertThat(model.testResultProperty().get()).isEqualTo("Connection test of DEV failed: The sign-in to DEV"
                + " failed: the sign-in was cancelled; choose Sign in to try again");
        assertThat(model.testFailedProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.READY);
    }

    @Test
    void signInAndSignOutFollowTheStatusBoard() {
        EnvironmentSettingsViewModel model = model();

        assertThat(model.signInStateProperty().get()).isEqualTo(SignInState.SIGNED_OUT);
        assertThat(model.canSignInProperty().get()).isTrue();
        assertThat(model.canSignOutProperty().get()).isFalse();

        model.signIn();
        assertThat(signedIn).containsExactly("in DEV");
        assertThat(model.signInTextProperty().get()).isEqualTo("Signed in as ana@contoso.com");
        assertThat(model.canSignInProperty().get()).isFalse();
        assertThat(model.canSignOutProperty().get()).isTrue();

        model.signOut();
        assertThat(signedIn).containsExactly("in DEV", "out DEV");
        assertThat(model.signInStateProperty().get()).isEqualTo(SignInState.SIGNED_OUT);

        model.selectedProperty().set("sandbox");
        assertThat(model.signInStateProperty().get()).isEqualTo(SignInState.NOT_NEEDED);
        assertThat(model.canSignInProperty().get()).isFalse();
        assertThat(model.canSignOutProperty().get()).isFalse();
    }

    @Test
    void aFailedSignInIsShownWithItsMessage() {
        EnvironmentSettingsViewModel model = page(Map.of()).model(UNUSED_TESTER, (ws, env) -> {
            throw new SignInException(SignInFailure.AZURE_CLI_NOT_SIGNED_IN, "run `az login` and try again");
        });

        model.signIn();

        assertThat(model.signInStateProperty().get()).isEqualTo(SignInState.FAILED);
        assertThat(model.signInTextProperty().get()).isEqualTo("Sign-in failed: run `az login` and try again");
        assertThat(model.canSignInProperty().get()).isTrue();
    }

    @Test
    void aWorkspaceWithErrorsInItsSettingsCannotBeEditedAndSaysWhy() throws Exception {
        page(Map.of());
        Files.writeString(page.settingsFile, page.text().replace("auth: azure-cli", "auth: password"));
        EnvironmentSettingsViewModel model = page.model(UNUSED_TESTER, scriptedTokens());

        assertThat(model.stateProperty().get()).isEqualTo(SettingsPageState.FAILED);
        assertThat(model.statusProperty().get()).contains("cannot be edited until its errors are fixed")
                .contains("dbb-console.yml:59:").contains("environments.TEST.auth must be one of");
        assertThat(model.environments()).isEmpty();
    }

    /** Tokens whose sign-in and sign-out publish to the console's status board, as the real ones do. */
    private final class ScriptedTokens implements EnvironmentTokens {

        private final String environment;

        ScriptedTokens(String environment) {
            this.environment = environment;
        }

        @Override
        public String environment() {
            return environment;
        }

        @Override
        public SignInStatus status() {
            return SignInStatus.notNeeded(environment);
        }

        @Override
        public void signIn() {
            signedIn.add("in " + environment);
            page.services.signInStatuses().statusChanged(new SignInStatus(environment, SignInState.SIGNED_IN,
                    Optional.of("ana@contoso.com"), Optional.of(Instant.parse("2030-01-01T00:00:00Z")),
                    Optional.empty(), TokenStorage.NONE, Optional.empty()));
        }

        @Override
        public void signOut() {
            signedIn.add("out " + environment);
            page.services.signInStatuses().statusChanged(new SignInStatus(environment, SignInState.SIGNED_OUT,
                    Optional.empty(), Optional.empty(), Optional.empty(), TokenStorage.NONE, Optional.empty()));
        }

        @Override
        public AccessToken token(TokenScope scope, boolean forceRefresh) {
            throw new SignInException(SignInFailure.SIGN_IN_REQUIRED, "sign in first");
        }
    }
}
