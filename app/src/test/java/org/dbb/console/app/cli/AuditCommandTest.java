package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCommandTest extends SampleWorkspaceCommandTest {

    @Test
    void aRetryPolicyEditAndARunAreInTheReleaseNoteWithTheirChangeAndReason() {
        assertThat(run("retry", "set", "-w", workspace.toString(), "--pipeline", "orchestration_pipeline_DBB",
                "--activity", "Run transformation pipeline", "--retry", "4", "--reason", "dbt deadlocks")).isZero();
        assertThat(run("run", "-w", workspace.toString(), "--scenario", scenario(), "--reason", "catch-up load"))
                .as(out()).isZero();

        assertThat(run("audit", "export")).isZero();
        String note = out();
        assertThat(note).startsWith("## Manual interventions\n")
                .contains("Changed a retry policy: orchestration_pipeline_DBB / Run transformation pipeline")
                .contains("2 retries · up to 3 attempts, 120 s apart, timeout 0.12:00:00 → 4 retries · up to 5"
                        + " attempts, 120 s apart, timeout 0.12:00:00")
                .contains("dbt deadlocks")
                .contains("| sandbox |").contains("Launched a run").contains("catch-up load");

        assertThat(run("audit", "export", "--format", "csv", "--env", "sandbox")).isZero();
        assertThat(out()).startsWith("at,environment,actor,action,")
                .contains(",LAUNCH,").doesNotContain("RETRY_POLICY_EDIT");
    }

    @Test
    void aDryRunIsNotAnIntervention() {
        assertThat(run("run", "-w", workspace.toString(), "--dry-run")).isZero();
        assertThat(run("audit", "export")).isZero();
        assertThat(out()).contains("None.");
    }

    @Test
    void aSinceThatIsNotADateIsABadUsage() {
        assertThat(run("audit", "export", "--since", "yesterday")).isEqualTo(2);
        assertThat(err()).contains("--since takes a day");
    }

    private String scenario() {
        return cli.scenario("fast.yml", RunCommandTest.HEALTHY);
    }
}
