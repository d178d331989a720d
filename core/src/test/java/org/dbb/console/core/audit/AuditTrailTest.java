package org.dbb.console.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.database.EmbeddedDatabase;

class AuditTrailTest {

    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordsEntriesAndReadsThemBackOldestFirstFilteredBySinceAndEnvironment() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("db"))) {
            AuditTrail trail = AuditTrail.open(db);
            AuditEntry launch = trail.record(AuditEntry.of(T0, "ops", "PROD", AuditAction.LAUNCH, "run r-1")
                    .withRun("r-1").withChange(null, "models Sales").withReason("nightly load failed"));
            trail.record(AuditEntry.of(T0.plusSeconds(60), "ops", "DEV", AuditAction.RETRY_POLICY_EDIT,
                    "transformation_pipeline_DBB / Build gold with dbt").withChange("3 retries", "5 retries"));
            trail.record(AuditEntry.of(T0.plusSeconds(120), "ops", "PROD", AuditAction.CANCEL, "run r-1"));

            assertThat(launch.id()).isPresent();
            assertThat(trail.entries(Optional.empty(), Optional.empty())).extracting(AuditEntry::action)
                    .containsExactly(AuditAction.LAUNCH, AuditAction.RETRY_POLICY_EDIT, AuditAction.CANCEL);
            assertThat(trail.entries(Optional.of(T0.plusSeconds(30)), Optional.of("PROD")))
                    .extracting(AuditEntry::action).containsExactly(AuditAction.CANCEL);
            AuditEntry read = trail.entries(Optional.empty(), Optional.of("PROD")).get(0);
            assertThat(read.at()).isEqualTo(T0);
            assertThat(read.after()).contains("models Sales");
            assertThat(read.before()).isEmpty();
            assertThat(read.reason()).contains("nightly load failed");
            assertThat(read.runId()).contains("r-1");
        }
    }

    @Test
    void theReleaseNoteIsAMarkdownTableAndACsvWithEveryIntervention() {
        List<AuditEntry> entries = List.of(
                AuditEntry.of(T0, "ops", "PROD", AuditAction.RERUN, "run r-1: stage Transformation")
                        .withRun("r-2").withReason("deadlock | retried"),
                AuditEntry.of(T0, "ana", "DEV", AuditAction.RETRY_POLICY_EDIT, "p / a, b")
                        .withChange("3 retries", "5 retries"));
        ReleaseNote note = new ReleaseNote();
        assertThat(note.markdown(entries, "PROD")).startsWith("## Manual interventions — PROD\n\n")
                .contains("| 2026-11-27 06:00 UTC | PROD | ops | Re-ran part of a run: run r-1: stage Transformation"
                        + " |  | r-2 | deadlock \\| retried |")
                .contains("| 3 retries → 5 retries |");
        assertThat(note.csv(entries)).startsWith("at,environment,actor,action,subject,before,after,run_id,reason\r\n")
                .contains("RETRY_POLICY_EDIT,\"p / a, b\",3 retries,5 retries,,\r\n");
        assertThat(note.markdown(List.of(), "")).isEqualTo("## Manual interventions\n\nNone.\n");
    }
}
