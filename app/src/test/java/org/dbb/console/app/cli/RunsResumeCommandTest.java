package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.journal.RunQuery;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.plan.StepAction;

/** {@code dbb runs resume} on the sample workspace against the in-process sandbox emulator. */
@Timeout(120)
class RunsResumeCommandTest extends SampleWorkspaceCommandTest {

    private static final String RUN_ID = "run-interrupted";

    @Test
    void anUnknownRunSaysSoAndExitsTwo() {
        int exit = run("runs", "resume", "no-such-run", "-w", workspace.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("run no-such-run is not in the run journal");
    }

    @Test
    void aRunStoppedBeforeFabricAnsweredItsFirstJobResumesUnderItsIdAndSubmitsThatJobOnce() throws IOException {
        StepKey job = interruptedAtItsFirstJob();
        Path scenario = temp.resolve("healthy.yml");
        Files.writeString(scenario, RunCommandTest.HEALTHY);

        int exit = run("runs", "resume", RUN_ID, "-w", workspace.toString(), "--scenario", scenario.toString());

        assertThat(exit).as(out() + err()).isZero();
        assertThat(out()).contains("Resuming run " + RUN_ID + " in sandbox")
                .containsPattern("Run " + RUN_ID + " SUCCEEDED in");
        RunRecord record = services.runJournal().find(RUN_ID).orElseThrow();
        assertThat(record.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(record.endedAt()).isPresent();
        assertThat(record.step(job).orElseThrow().attempts()).singleElement().satisfies(a -> {
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.job()).isPresent();
        });
        assertThat(services.runJournal().list(RunQuery.newest(10))).hasSize(1);

        int again = run("runs", "resume", RUN_ID, "-w", workspace.toString());
        assertThat(again).isEqualTo(2);
        assertThat(err()).contains("already ended SUCCEEDED");
    }

    /** The journal as a console leaves it when killed between a job's POST and Fabric's 202; returns the step. */
    private StepKey interruptedAtItsFirstJob() {
        RunRequest request = new RunRequest("sandbox", Map.of(), false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.POWER_BI_API, "operator", Optional.empty());
        RunPlan plan;
        try (PreparedRun prepared = services.runLauncher().prepare(services.workspaceLoader().open(workspace),
                request, new SandboxOptions(Optional.empty(), Optional.of(Scenario.neutral())), Map.of())) {
            plan = prepared.plan();
        }
        StepKey job = null;
        for (PlannedStage stage : plan.stages()) {
            for (PlannedStep step : stage.steps()) {
                if (job == null && step.action() instanceof StepAction.FabricJob) {
                    job = StepKey.of(stage.name(), step.name());
                }
            }
        }
        assertThat(job).as("the sample plan runs a Fabric job").isNotNull();
        Instant at = Instant.now();
        services.runJournal().runCreated(RUN_ID, plan, Optional.empty(), at);
        services.runJournal().attemptSubmitting(RUN_ID, job, 1, at);
        return job;
    }
}
