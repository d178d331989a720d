package org.dbb.console.app.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;

/** The retry-policy page's rules, over the sample workspace, without a toolkit. */
class RetryPolicyViewModelTest {

    private static final String NOTEBOOK = "Monitor load completeness";

    @TempDir
    Path temp;

    private RetryPageFixture page;
    private RetryPolicyViewModel model;

    @BeforeEach
    void open() {
        page = new RetryPageFixture(temp);
        model = page.model;
    }

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void listsEveryActivityOfEveryPipelineMasterFirstWithNestedOnesUnderTheirContainers() {
        assertThat(model.stateProperty().get()).isEqualTo(RetryPageState.READY);
        assertThat(model.pipelines()).containsExactly("orchestration_pipeline_DBB", "integration_pipeline_DBB",
                "refresh_semantic_models", "transformation_pipeline_DBB");
        assertThat(model.rows().get(0).pipeline()).isEqualTo("orchestration_pipeline_DBB");
        assertThat(model.rows()).extracting(PolicyRow::path).contains(
                "Run maintenance if requested › Clean up retained files",
                "Refresh each semantic model › Refresh semantic model",
                "Build gold with dbt");
        assertThat(model.rows()).hasSize(26);
        PolicyRow notebook = page.row(NOTEBOOK);
        assertThat(notebook.type()).isEqualTo("TridentNotebook");
        assertThat(notebook.retryProperty().get()).isEqualTo("3");
        assertThat(notebook.intervalProperty().get()).isEqualTo("30");
        assertThat(notebook.timeoutProperty().get()).isEqualTo("0.01:00:00");
        assertThat(notebook.wordingProperty().get()).isEqualTo("3 retries · up to 4 attempts");
        assertThat(page.row("Refresh semantic models").wordingProperty().get()).isEqualTo("no retries · 1 attempt");
        assertThat(model.pendingSummaryProperty().get()).isEqualTo("No pending changes");
    }

    @Test
    void filtersByPipelineTypeTextAndChangedOnly() {
        model.pipelineFilterProperty().set("transformation_pipeline_DBB");
        assertThat(model.filteredRows()).extracting(PolicyRow::activity)
                .containsExactly("Conform silver", "Build gold with dbt", "Check gold quality");

        model.pipelineFilterProperty().set(RetryPolicyViewModel.ALL);
        model.typeFilterProperty().set("Lookup");
        assertThat(model.filteredRows()).extracting(PolicyRow::activity).containsExactly("Lookup environment",
                "Lookup item ids", "Lookup connection ids", "Resolve semantic model id");

        model.typeFilterProperty().set(RetryPolicyViewModel.ALL);
        model.textFilterProperty().set("  ERP ");
        assertThat(model.filteredRows()).extracting(PolicyRow::activity).containsExactly("Copy ERP sales orders",
                "Copy ERP ledger entries", "Copy ERP stock levels");

        model.textFilterProperty().set("");
        model.changedOnlyProperty().set(true);
        assertThat(model.filteredRows()).isEmpty();
        page.row(NOTEBOOK).retryProperty().set("5");
        assertThat(model.filteredRows()).extracting(PolicyRow::activity).containsExactly(NOTEBOOK);
    }

    @Test
    void anEditIsCheckedAsTypedWithTheLimitsAndWordsOfTheCommandLine() {
        PolicyRow row = page.row(NOTEBOOK);

        row.retryProperty().set("1001");
        assertThat(row.errorProperty().get()).isEqualTo(NOTEBOOK + ": retry 1001 is outside the allowed range 0 to"
                + " 1000; enter a whole number of retries from 0 to 1000 (0 means a single attempt)");
        assertThat(row.wordingProperty().get()).isEqualTo("—");
        row.retryProperty().set("-1");
        assertThat(row.errorProperty().get()).contains("retry -1 is outside the allowed range 0 to 1000");
        row.retryProperty().set("abc");
        assertThat(row.errorProperty().get()).isEqualTo(NOTEBOOK + ": retry \"abc\" is not a whole number; enter a"
                + " whole number of retries from 0 to 1000 (0 means a single attempt)");
        row.intervalProperty().set("0");
        row.timeoutProperty().set("8.00:00:00");
        assertThat(row.errorProperty().get()).contains("retry interval 0 s is outside the allowed range 1 to 86400")
                .contains("longer than the maximum 7.00:00:00");
        assertThat(model.pendingSummaryProperty().get()).isEqualTo("1 pending change · 1 invalid");
        assertThat(model.problems()).singleElement().asString()
                .startsWith("orchestration_pipeline_DBB / " + NOTEBOOK + ": retry \"abc\"");
        assertThat(model.canSaveProperty().get()).isFalse();

        row.retryProperty().set(" 5 ");
        row.intervalProperty().set("60");
        row.timeoutProperty().set("0.02:00:00");
        assertThat(row.errorProperty().get()).isEmpty();
        assertThat(row.wordingProperty().get()).isEqualTo("5 retries · up to 6 attempts");
        assertThat(model.pendingSummaryProperty().get()).isEqualTo("1 pending change");
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void typingTheSavedValuesBackIsNoPendingChange() {
        PolicyRow row = page.row(NOTEBOOK);
        row.retryProperty().set("4");
        row.retryProperty().set("3");
        row.timeoutProperty().set("0.1:00:00");

        assertThat(row.isChanged()).isFalse();
        assertThat(model.pendingProperty().get()).isZero();
    }

    @Test
    void nothingIsWrittenWhileAnyPendingEditIsInvalid() throws Exception {
        Path file = page.pipelineFile(RetryPageFixture.MASTER);
        byte[] before = Files.readAllBytes(file);
        page.row(NOTEBOOK).retryProperty().set("5");
        page.row("Monitor threshold breaches").retryProperty().set("1001");

        model.review();

        assertThat(model.stateProperty().get()).isEqualTo(RetryPageState.READY);
        assertThat(model.diffs()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Nothing was written: 1 pending edit is invalid.")
                .contains("retry 1001 is outside the allowed range");
        assertThat(model.statusIsErrorProperty().get()).isTrue();
        model.confirmSave();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(page.audit()).isEmpty();
    }

    @Test
    void bulkEditSetsEveryFilteredNotebookAndSkipsControlActivities() {
        model.typeFilterProperty().set("TridentNotebook");
        model.bulkRetryProperty().set("5");
        model.bulkIntervalProperty().set("60");

        model.applyBulk(BulkScope.FILTERED);

        List<PolicyRow> notebooks = model.rows().stream().filter(r -> r.type().equals("TridentNotebook")).toList();
        assertThat(notebooks).hasSize(7).allSatisfy(r -> {
            assertThat(r.retryProperty().get()).isEqualTo("5");
            assertThat(r.intervalProperty().get()).isEqualTo("60");
        });
        assertThat(page.row("Optimise tables").timeoutProperty().get()).isEqualTo("0.04:00:00");
        assertThat(model.pendingProperty().get()).isEqualTo(7);
        assertThat(model.statusProperty().get()).isEqualTo("Set 5 retries, 60 s apart on 7 activities.");

        model.typeFilterProperty().set(RetryPolicyViewModel.ALL);
        model.applyBulk(BulkScope.FILTERED);
        assertThat(page.row("Run maintenance if requested").retryProperty().get()).isEqualTo("0");
        assertThat(page.row("Set load date").isChanged()).isFalse();
    }

    @Test
    void bulkEditOfTheSelectionOnlyAndInvalidBulkValuesAreRefusedWithTheMessage() {
        model.selection().setAll(page.row("Lookup environment"), page.row("Set workspace id"));
        model.bulkRetryProperty().set("1001");
        assertThat(model.canBulkProperty().get()).isFalse();
        assertThat(model.bulkErrorProperty().get()).startsWith("retry 1001 is outside the allowed range 0 to 1000");
        model.applyBulk(BulkScope.SELECTED);
        assertThat(page.row("Lookup environment").retryProperty().get()).isEqualTo("1");

        model.bulkRetryProperty().set("2");
        model.bulkTimeoutProperty().set("0.00:20:00");
        model.applyBulk(BulkScope.SELECTED);
        assertThat(page.row("Lookup environment").retryProperty().get()).isEqualTo("2");
        assertThat(page.row("Lookup environment").timeoutProperty().get()).isEqualTo("0.00:20:00");
        assertThat(page.row("Lookup item ids").retryProperty().get()).isEqualTo("1");
        assertThat(model.statusProperty().get()).isEqualTo("Set 2 retries, timeout 0.00:20:00 on 1 activity.");
    }

    @Test
    void resetPutsTheDbbDefaultOfThreeRetriesThirtySecondsApartAndKeepsTheTimeout() {
        model.typeFilterProperty().set("Lookup");
        model.resetToDefault(BulkScope.FILTERED);

        assertThat(model.filteredRows()).allSatisfy(r -> {
            assertThat(r.retryProperty().get()).isEqualTo("3");
            assertThat(r.intervalProperty().get()).isEqualTo("30");
        });
        assertThat(page.row("Lookup environment").timeoutProperty().get()).isEqualTo("0.00:10:00");
        assertThat(model.statusProperty().get())
                .isEqualTo("Reset 4 activities to the DBB default: 3 retries, 30 s apart.");

        model.selection().setAll(page.row("Lookup environment"));
        model.revert(BulkScope.SELECTED);
        assertThat(page.row("Lookup environment").retryProperty().get()).isEqualTo("1");
        assertThat(model.pendingProperty().get()).isEqualTo(3);
    }

    @Test
    void theScheduleOfTheSelectedActivityShowsEveryAttemptAndTheWorstCase() {
        model.selectedProperty().set(page.row("integration_pipeline_DBB", "Copy ERP sales orders"));

        assertThat(model.worstCaseProperty().get())
                .isEqualTo("worst case 4 × 2 h timeout + 3 × 30 s = 8 h 01 min 30 s");
        assertThat(model.schedule()).containsExactly(
                "attempt 1 at t0 (runs up to 2 h)",
                "attempt 2: 30 s after attempt 1 fails, at the latest t0 + 2 h 00 min 30 s",
                "attempt 3: 30 s after attempt 2 fails, at the latest t0 + 4 h 01 min",
                "attempt 4: 30 s after attempt 3 fails, at the latest t0 + 6 h 01 min 30 s");

        page.row("integration_pipeline_DBB", "Copy ERP sales orders").retryProperty().set("0");
        assertThat(model.worstCaseProperty().get()).isEqualTo("worst case 1 × 2 h timeout = 2 h");
        page.row("integration_pipeline_DBB", "Copy ERP sales orders").retryProperty().set("x");
        assertThat(model.worstCaseProperty().get()).startsWith("Fix the invalid value to see the schedule:");
        assertThat(model.schedule()).isEmpty();

        model.selectedProperty().set(page.row("Run maintenance if requested"));
        assertThat(model.worstCaseProperty().get()).contains("IfCondition activity: it has no retry policy");
    }

    @Test
    void saveShowsOnlyTheChangedLinesThenWritesByteForByteWithBackupAndAuditsEachActivity() throws Exception {
        Path file = page.pipelineFile(RetryPageFixture.MASTER);
        String before = Files.readString(file);
        page.row(NOTEBOOK).retryProperty().set("5");
        page.row("Monitor threshold breaches").intervalProperty().set("90");
        model.reasonProperty().set("flaky lakehouse mount");

        model.review();

        assertThat(model.stateProperty().get()).isEqualTo(RetryPageState.REVIEWING);
        assertThat(model.diffs()).singleElement().satisfies(d -> {
            assertThat(d.relativePath()).isEqualTo("fabric/orchestration_pipeline_DBB.DataPipeline/pipeline-content.json");
            assertThat(d.activities()).containsExactly(NOTEBOOK, "Monitor threshold breaches");
            assertThat(d.lines().stream().filter(l -> l.startsWith("-") && !l.startsWith("---")))
                    .containsExactly("-          \"retry\": 3,", "-          \"retryIntervalInSeconds\": 30,");
            assertThat(d.lines().stream().filter(l -> l.startsWith("+") && !l.startsWith("+++")))
                    .containsExactly("+          \"retry\": 5,", "+          \"retryIntervalInSeconds\": 90,");
        });
        assertThat(Files.readString(file)).isEqualTo(before);

        model.confirmSave();

        String after = Files.readString(file);
        assertThat(after).isEqualTo(expectedAfter(before));
        assertThat(Files.readString(file.resolveSibling("pipeline-content.json.bak"))).isEqualTo(before);
        assertThat(model.statusProperty().get()).startsWith("Saved fabric/orchestration_pipeline_DBB.DataPipeline/"
                + "pipeline-content.json; the previous version of each is kept as pipeline-content.json.bak.");
        assertThat(model.pendingProperty().get()).isZero();
        assertThat(page.row(NOTEBOOK).retryProperty().get()).isEqualTo("5");
        assertThat(page.row(NOTEBOOK).isChanged()).isFalse();
        List<AuditEntry> audit = page.audit();
        assertThat(audit).hasSize(2).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.RETRY_POLICY_EDIT);
            assertThat(e.actor()).isEqualTo("operator");
            assertThat(e.reason()).contains("flaky lakehouse mount");
        });
        assertThat(audit.get(0).subject()).isEqualTo("orchestration_pipeline_DBB / " + NOTEBOOK);
        assertThat(audit.get(0).before()).contains("3 retries · up to 4 attempts, 30 s apart, timeout 0.01:00:00");
        assertThat(audit.get(0).after()).contains("5 retries · up to 6 attempts, 30 s apart, timeout 0.01:00:00");
        assertThat(audit.get(1).after()).contains("3 retries · up to 4 attempts, 90 s apart, timeout 0.01:00:00");
    }

    /** The file with exactly the two values replaced, found by their position after each activity's name. */
    private static String expectedAfter(String before) {
        int notebook = before.indexOf("\"name\": \"" + NOTEBOOK + "\"");
        int retry = before.indexOf("\"retry\": 3,", notebook);
        String once = before.substring(0, retry) + "\"retry\": 5," + before.substring(retry + "\"retry\": 3,".length());
        int breaches = once.indexOf("\"name\": \"Monitor threshold breaches\"");
        int interval = once.indexOf("\"retryIntervalInSeconds\": 30,", breaches);
        return once.substring(0, interval) + "\"retryIntervalInSeconds\": 90,"
                + once.substring(interval + "\"retryIntervalInSeconds\": 30,".length());
    }

    @Test
    void backingOutOfTheReviewWritesNothingAndKeepsTheEdits() throws Exception {
        Path file = page.pipelineFile(RetryPageFixture.MASTER);
        byte[] before = Files.readAllBytes(file);
        page.row(NOTEBOOK).retryProperty().set("5");
        model.review();

        model.cancelReview();

        assertThat(model.stateProperty().get()).isEqualTo(RetryPageState.READY);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(model.pendingProperty().get()).isEqualTo(1);
    }

    @Test
    void aFileChangedOnDiskAfterTheReviewIsNotOverwritten() throws Exception {
        Path file = page.pipelineFile(RetryPageFixture.MASTER);
        page.row(NOTEBOOK).retryProperty().set("5");
        model.review();
        String elsewhere = Files.readString(file).replace("\"retry\": 2,", "\"retry\": 4,");
        Files.writeString(file, elsewhere, StandardCharsets.UTF_8);

        model.confirmSave();

        assertThat(Files.readString(file)).isEqualTo(elsewhere);
        assertThat(model.statusProperty().get()).startsWith("Nothing was written: ")
                .contains("the file changed on disk after the retry policies were loaded");
        assertThat(page.audit()).isEmpty();
    }

    @Test
    void editsInSeveralPipelinesAreWrittenToEachFileAndCountedTogether() throws Exception {
        page.row(NOTEBOOK).retryProperty().set("5");
        page.row("transformation_pipeline_DBB", "Build gold with dbt").retryProperty().set("2");
        assertThat(model.pendingSummaryProperty().get()).isEqualTo("2 pending changes");

        model.review();
        assertThat(model.diffs()).hasSize(2);
        model.confirmSave();

        assertThat(Files.readString(page.pipelineFile("transformation_pipeline_DBB"))).contains("\"retry\": 2,");
        assertThat(page.row("transformation_pipeline_DBB", "Build gold with dbt").retryProperty().get())
                .isEqualTo("2");
        assertThat(page.audit()).hasSize(2);
    }

    @Test
    void pushWaitsForSavedChangesAndAProtectedEnvironmentNeedsItsNameTyped() {
        model.selectedProperty().set(page.row(NOTEBOOK));
        model.pushEnvironmentProperty().set("PROD");
        assertThat(model.canPushProperty().get()).isTrue();
        assertThat(model.pushTargetProperty().get()).isEqualTo("Push orchestration_pipeline_DBB to PROD");

        page.row(NOTEBOOK).retryProperty().set("5");
        assertThat(model.canPushProperty().get()).isFalse();
        assertThat(model.pushTargetProperty().get()).isEqualTo("orchestration_pipeline_DBB has unsaved changes;"
                + " save them first, the push sends the file as saved.");
        page.row(NOTEBOOK).revert();

        page.dialogs.typing("prod");
        model.push();

        assertThat(page.dialogs.asked()).singleElement().asString().startsWith("Push to protected environment PROD");
        assertThat(model.statusProperty().get()).isEqualTo("Not pushed.");
        assertThat(page.audit()).isEmpty();
    }
}
