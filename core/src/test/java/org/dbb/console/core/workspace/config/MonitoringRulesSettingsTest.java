package org.dbb.console.core.workspace.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.problem.Problem;

/** {@code monitoring.rules} in dbb-console.yml: what is read, and every mistake with its line and column. */
class MonitoringRulesSettingsTest {

    @TempDir
    Path root;

    private final ConsoleSettingsReader reader = new ConsoleSettingsReader();

    private ConsoleSettings read(String yaml) throws IOException {
        write(yaml);
        return reader.read(root);
    }

    private void write(String yaml) throws IOException {
        Files.createDirectories(root.resolve("fabric"));
        Files.writeString(root.resolve("dbb-console.yml"), yaml);
    }

    private List<String> problems(String rules) throws IOException {
        write("monitoring:\n  rules:\n" + rules + "environments:\n  sandbox: {emulator: true}\n");
        return reader.check(root).stream().map(p -> p.format(root.toAbsolutePath().normalize())).toList();
    }

    @Test
    void readsEachKindOfRuleWithWhereItIsWritten() throws IOException {
        ConsoleSettings settings = read("""
                monitoring:
                  store: embedded
                  rules:
                    - kind: incomplete-load
                      stage: Integration
                      activities: [Copy_Customers, Copy_Orders]
                    - kind: incomplete-load
                      stage: Integration
                    - kind: duration-over-target
                      stage: Transformation
                      target: 1h30m
                    - {kind: duration-over-target, stage: Transformation, activity: Build gold, target: 90s}
                    - kind: rows-below-minimum
                      activity: Copy_Orders
                      minimum: 1_000
                environments:
                  sandbox: {emulator: true}
                """);

        assertThat(settings.monitoringRules()).containsExactly(
                new MonitoringRuleSetting.IncompleteLoad("Integration", List.of("Copy_Customers", "Copy_Orders"), 4,
                        7),
                new MonitoringRuleSetting.IncompleteLoad("Integration", List.of(), 7, 7),
                new MonitoringRuleSetting.DurationOverTarget("Transformation", Optional.empty(),
                        Duration.ofMinutes(90), 9, 7),
                new MonitoringRuleSetting.DurationOverTarget("Transformation", Optional.of("Build gold"),
                        Duration.ofSeconds(90), 12, 7),
                new MonitoringRuleSetting.RowsBelowMinimum(Optional.empty(), "Copy_Orders", 1000, 13, 7));
        assertThat(settings.monitoring()).isEqualTo(MonitoringSettings.EMBEDDED);
    }

    @Test
    void anEnvironmentsOwnRulesReplaceTheSharedOnesAndKeepTheSharedStore() throws IOException {
        ConsoleSettings settings = read("""
                monitoring:
                  store: warehouse
                  server: example.datawarehouse.fabric.microsoft.com
                  database: wh_meta
                  rules:
                    - {kind: incomplete-load, stage: Integration}
                environments:
                  sandbox:
                    emulator: true
                    monitoring:
                      rules: []
                  PROD:
                    workspace: DBB-PROD
                    monitoring:
                      rules:
                        - {kind: rows-below-minimum, activity: Copy_Orders, minimum: 50000}
                  TEST:
                    workspace: DBB-TEST
                """);

        EnvironmentSettings sandbox = settings.environment("sandbox").orElseThrow();
        EnvironmentSettings prod = settings.environment("PROD").orElseThrow();
        EnvironmentSettings test = settings.environment("TEST").orElseThrow();
        assertThat(settings.monitoringRulesFor(sandbox)).isEmpty();
        assertThat(settings.monitoringRulesFor(prod)).singleElement()
                .isInstanceOfSatisfying(MonitoringRuleSetting.RowsBelowMinimum.class,
                        r -> assertThat(r.minimum()).isEqualTo(50000));
        assertThat(settings.monitoringRulesFor(test)).singleElement()
                .isInstanceOf(MonitoringRuleSetting.IncompleteLoad.class);
        assertThat(prod.monitoring()).as("a section with rules only keeps the shared store").isEmpty();
        assertThat(settings.monitoringFor(prod).store()).isEqualTo(MonitoringSettings.Store.WAREHOUSE);
    }

    @Test
    void anUnknownKindIsReportedAtItsValueWithTheKindsThereAre() throws IOException {
        assertThat(problems("""
                    - kind: row-count
                      activity: Copy_Orders
                """)).containsExactly("dbb-console.yml:3:13: error: monitoring.rules #1.kind 'row-count' is not a"
                + " rule kind; use one of incomplete-load, duration-over-target, rows-below-minimum");
    }

    @Test
    void aRuleWithoutKindSaysWhichKindsThereAre() throws IOException {
        assertThat(problems("""
                    - stage: Integration
                """)).containsExactly("dbb-console.yml:3:7: error: monitoring.rules #1 needs 'kind': one of"
                + " incomplete-load, duration-over-target, rows-below-minimum");
    }

    @Test
    void aNegativeMinimumIsRefused() throws IOException {
        assertThat(problems("""
                    - kind: rows-below-minimum
                      activity: Copy_Orders
                      minimum: -5
                """)).containsExactly("dbb-console.yml:5:16: error: monitoring.rules #1.minimum must be 0 or more"
                + " rows, not -5; a copy cannot write fewer than 0 rows");
    }

    @Test
    void aMinimumThatIsNoWholeNumberIsRefused() throws IOException {
        assertThat(problems("""
                    - {kind: rows-below-minimum, activity: Copy_Orders, minimum: 1k}
                """)).singleElement().asString().contains("monitoring.rules #1.minimum must be a whole number of"
                + " rows, not text '1k'");
    }

    @Test
    void aDurationWithoutUnitOrInAnotherFormIsRefusedWithTheFormToWrite() throws IOException {
        assertThat(problems("""
                    - {kind: duration-over-target, stage: Transformation, target: 20}
                    - {kind: duration-over-target, stage: Transformation, target: 20 minutes}
                    - {kind: duration-over-target, stage: Transformation, target: 0m}
                """)).containsExactly(
                "dbb-console.yml:3:67: error: monitoring.rules #1.target 20 has no unit; write it like 20m for"
                        + " minutes (or s, h, e.g. 1h30m)",
                "dbb-console.yml:4:67: error: monitoring.rules #2.target '20 minutes' is not a duration; write"
                        + " hours, minutes and seconds like 20m, 1h30m or 90s",
                "dbb-console.yml:5:67: error: monitoring.rules #3.target must be longer than 0; give the longest it"
                        + " may take, e.g. 20m");
    }

    @Test
    void aKeyOfAnotherKindAndAMissingKeyAreBothNamed() throws IOException {
        assertThat(problems("""
                    - kind: duration-over-target
                      stage: Transformation
                      minimum: 10
                """)).containsExactly(
                "dbb-console.yml:5:7: error: monitoring.rules #1: 'minimum' does not apply to a"
                        + " duration-over-target rule; its keys are kind, stage, activity, target",
                "dbb-console.yml:3:7: error: monitoring.rules #1 needs 'target': the longest it may take, e.g. 20m"
                        + " or 1h30m");
    }

    @Test
    void anEmptyActivityListIsAMistakeNotAWildcard() throws IOException {
        assertThat(problems("""
                    - {kind: incomplete-load, stage: Integration, activities: []}
                """)).singleElement().asString().contains("monitoring.rules #1.activities is empty; list the"
                + " activities expected, or leave the key out to expect every Copy activity of the stage");
    }

    @Test
    void rulesMustBeAList() throws IOException {
        write("monitoring:\n  rules: {kind: incomplete-load}\nenvironments:\n  sandbox: {emulator: true}\n");
        assertThat(reader.check(root)).extracting(Problem::message)
                .containsExactly("monitoring.rules must be a list, not a mapping");
    }

    @Test
    void editsElsewhereThatMoveRulesToOtherLinesLeaveThemEqualWithoutPositions() throws IOException {
        ConsoleSettings before = read("""
                monitoring:
                  rules:
                    - {kind: incomplete-load, stage: Integration}
                environments:
                  sandbox: {emulator: true}
                """);
        ConsoleSettings after = read("""
                # a comment that moves everything down
                monitoring:
                  rules:
                    - {kind: incomplete-load, stage: Integration}
                environments:
                  sandbox: {emulator: true}
                """);

        assertThat(after).isNotEqualTo(before);
        assertThat(after.withoutPositions()).isEqualTo(before.withoutPositions());
    }
}
