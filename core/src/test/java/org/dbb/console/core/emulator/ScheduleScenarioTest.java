package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.emulator.scenario.ScheduledRun;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.problem.Severity;

/** The {@code schedule} and {@code omitChildRunIds} settings of scenario files. */
class ScheduleScenarioTest {

    private static final Path FILE = Path.of("scenario.yml");

    private final ScenarioReader reader = new ScenarioReader(FabricEmulator.routeKeys());

    @TempDir
    Path temp;

    @Test
    void scheduledRunsAndTheChildRunIdFlagAreRead() {
        Scenario scenario = reader.parse(FILE, """
                schedule:
                  - pipeline: orchestration_pipeline_DBB
                    startAfterSeconds: 0
                    parameters: {run_maintenance: false, semantic_models: [Sales]}
                  - {pipeline: orchestration_pipeline_DBB, startAfterSeconds: 3600}
                omitChildRunIds: true
                """);

        assertThat(scenario.schedule()).extracting(ScheduledRun::pipeline, ScheduledRun::startAfterSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orchestration_pipeline_DBB", 0.0),
                        org.assertj.core.groups.Tuple.tuple("orchestration_pipeline_DBB", 3600.0));
        assertThat(scenario.schedule().get(0).parameters().toString())
                .isEqualTo("{\"run_maintenance\":false,\"semantic_models\":[\"Sales\"]}");
        assertThat(scenario.schedule().get(1).parameters().isEmpty()).isTrue();
        assertThat(scenario.omitChildRunIds()).isTrue();
        assertThat(Scenario.neutral().schedule()).isEmpty();
        assertThat(Scenario.neutral().omitChildRunIds()).isFalse();
    }

    @Test
    void mistakesInTheScheduleAreReportedWithTheirLineAndColumn() {
        List<Problem> problems = catchThrowableOfType(() -> reader.parse(FILE, """
                schedule:
                  - pipeline: orchestration_pipeline_DBB
                    startAfterSeconds: -1
                  - startAfterSeconds: 5
                  - {pipeline: orchestration_pipeline_DBB, every: 60}
                  - pipeline: orchestration_pipeline_DBB
                    parameters: [run_maintenance]
                omitChildRunIds: sometimes
                """), InvalidInputException.class).problems();

        assertThat(problems).extracting(Problem::line).containsExactly(3, 4, 5, 7, 8);
        assertThat(problems.get(0).column()).isEqualTo(24);
        assertThat(problems.get(1).message()).contains("a scheduled run needs 'pipeline'");
        assertThat(problems.get(2).message()).contains("every");
        assertThat(problems.get(4).message()).contains("omitChildRunIds");
    }

    @Test
    void pipelinesAndParametersTheRepositoryLacksAreWarningsWithAHint() {
        String text = """
                schedule:
                  - pipeline: Orchestration_Pipeline_DBB
                  - pipeline: orchestration_pipeline_DBB
                    parameters: {Run_Maintenance: true}
                """;

        List<Problem> problems = reader.check(FILE, text, EmulatorHarness.sample(temp).items());

        assertThat(problems).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(problems).extracting(Problem::line).containsExactly(2, 4);
        assertThat(problems.get(0).message()).contains("no pipeline is called 'Orchestration_Pipeline_DBB'")
                .contains("did you mean 'orchestration_pipeline_DBB'");
        assertThat(problems.get(1).message()).contains("declares no parameter 'Run_Maintenance'")
                .contains("did you mean 'run_maintenance'");
    }
}
