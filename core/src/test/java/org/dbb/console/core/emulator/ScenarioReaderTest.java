package org.dbb.console.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.scenario.FaultKind;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.problem.Severity;

class ScenarioReaderTest {

    private static final Path FILE = Path.of("scenario.yml");

    private final ScenarioReader reader = new ScenarioReader(FabricEmulator.routeKeys());

    @TempDir
    Path temp;

    @Test
    void theDefaultScenarioShowsARetriedFailureABusyModelAndAnOverrun() {
        Scenario scenario = reader.defaultScenario();

        assertThat(scenario.item("transformation_pipeline_DBB").failsOn(1)).isTrue();
        assertThat(scenario.item("transformation_pipeline_DBB").failsOn(2)).isFalse();
        assertThat(scenario.model("Sales").busy()).isPresent();
        // Finance's target is 15 minutes in dbb-console.yml.
        assertThat(scenario.model("Finance").seconds().orElseThrow()).isGreaterThan(15 * 60);
        assertThat(scenario.item("nb_monitor_threshold_breaches").exitValue().orElseThrow()).contains("breaches");
    }

    @Test
    void theDefaultScenarioNamesOnlyThingsTheSampleHas() {
        String text = new String(readResource(), java.nio.charset.StandardCharsets.UTF_8);

        List<Problem> problems = reader.check(FILE, text, EmulatorHarness.sample(temp).items());

        assertThat(problems).isEmpty();
    }

    @Test
    void aFullScenarioIsReadIntoItsRecords() {
        Scenario scenario = reader.parse(FILE, """
                timeScale: 0.5
                defaults: {jobSeconds: 12, activityTypeSeconds: {Copy: 7}}
                items:
                  nb_x: {seconds: 3, dedupeOnAttempts: [2, 3], exitValue: done}
                faults:
                  - {route: GET /v1/workspaces, kind: slow, delayMillis: 250, requests: 4}
                tokenExpiry: {afterRequests: 10}
                """);

        assertThat(scenario.timeScale()).isEqualTo(0.5);
        assertThat(scenario.defaults().jobSeconds()).isEqualTo(12);
        assertThat(scenario.defaults().secondsForActivityType("Copy")).isEqualTo(7);
        assertThat(scenario.defaults().secondsForActivityType("Lookup")).isEqualTo(4);
        assertThat(scenario.item("nb_x").dedupesOn(3)).isTrue();
        assertThat(scenario.item("nb_x").exitValue()).contains("done");
        assertThat(scenario.faults()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FaultKind.SLOW);
            assertThat(f.delayMillis()).isEqualTo(250);
            assertThat(f.hits(4)).isTrue();
        });
        assertThat(scenario.tokenExpiry().orElseThrow().afterRequests().getAsInt()).isEqualTo(10);
        assertThat(scenario.scaled(10).toMillis()).isEqualTo(5_000);
    }

    @Test
    void anUnknownKeyIsReportedWithItsLineAndColumnAndTheAllowedKeys() {
        List<Problem> problems = errors("""
                timeScale: 1
                items:
                  nb_x:
                    failOnAttempt: [1]
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("unknown key 'failOnAttempt'").contains("failOnAttempts");
        });
    }

    @Test
    void wrongValuesAreAllReportedWithTheirPositions() {
        List<Problem> problems = errors("""
                timeScale: fast
                models:
                  Sales:
                    seconds: -5
                    failOnAttempts: [0]
                """);

        assertThat(problems).extracting(Problem::line).containsExactly(1, 4, 5);
        assertThat(problems.get(0).column()).isEqualTo(12);
        assertThat(problems.get(0).message()).contains("timeScale must be a number");
        assertThat(problems.get(1).message()).contains("between 0");
    }

    @Test
    void anUnknownRouteIsAnErrorThatSuggestsTheKnownOne() {
        List<Problem> problems = errors("""
                faults:
                  - route: POST /v1/workspaces
                    kind: throttle
                    requests: [1]
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).contains("unknown route").contains("GET /v1/workspaces");
        });
    }

    @Test
    void faultFieldsOfAnotherKindAndMissingFieldsAreReported() {
        List<Problem> problems = errors("""
                faults:
                  - route: GET /v1/workspaces
                    kind: drop
                    status: 500
                  - route: GET /v1/workspaces
                    kind: explode
                    requests: [1]
                """);

        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("needs 'requests'"))
                .anySatisfy(m -> assertThat(m).contains("status applies to serverError faults only"))
                .anySatisfy(m -> assertThat(m).contains("unknown fault kind 'explode'"));
    }

    @Test
    void anAttemptThatBothFailsAndDedupesIsRefused() {
        List<Problem> problems = errors("""
                items:
                  p: {failOnAttempts: [1, 2], dedupeOnAttempts: [2]}
                """);

        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.message()).contains("attempt 2 cannot both fail and be deduped"));
    }

    @Test
    void malformedYamlIsReportedAtTheSyntaxError() {
        List<Problem> problems = errors("""
                items:
                  p: {seconds: 3
                timeScale: 1
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("malformed YAML");
        });
    }

    @Test
    void namesTheRepositoryDoesNotHaveAreWarningsWithAHint() {
        String text = """
                items:
                  Transformation_Pipeline_DBB: {failOnAttempts: [1]}
                  transformation_pipeline_DBB:
                    failure: {activity: Build gold}
                models:
                  Marketing: {seconds: 10}
                """;

        List<Problem> problems = reader.check(FILE, text, EmulatorHarness.sample(temp).items());

        assertThat(problems).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
        assertThat(problems).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'Transformation_Pipeline_DBB'")
                        .contains("did you mean 'transformation_pipeline_DBB'"))
                .anySatisfy(m -> assertThat(m).contains("no activity called 'Build gold'"))
                .anySatisfy(m -> assertThat(m).contains("no semantic model is called 'Marketing'"));
        assertThat(problems).extracting(Problem::line).containsExactly(2, 4, 6);
    }

    private List<Problem> errors(String yaml) {
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> reader.parse(FILE, yaml));
        assertThat(e).as("the scenario should have been refused").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
        return e.problems();
    }

    private static byte[] readResource() {
        try (var in = ScenarioReader.class.getResourceAsStream(ScenarioReader.DEFAULT_RESOURCE)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readingAMissingFileNamesIt() {
        assertThatThrownBy(() -> reader.read(temp.resolve("missing.yml"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing.yml");
    }
}
