package org.dbb.console.core.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.fabric.testing.EmulatorFixture;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.MonitoringRuleSetting;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;

/** Rules resolved against the sample workspace: what a stage runs, and messages naming what a rule may use. */
class MonitoringRuleResolverTest {

    private static final Path SETTINGS = Path.of("dbb-console.yml");
    private static final String RUN_INTEGRATION = "Run integration pipeline";

    private static MonitoredActivities sample;

    private final MonitoringRuleResolver resolver = new MonitoringRuleResolver();

    @BeforeAll
    static void readSample(@TempDir Path dir) {
        Workspace workspace = EmulatorFixture.sample(dir);
        PipelineReader pipelines = new PipelineReader();
        sample = MonitoredActivities.read(workspace,
                new MasterStagesReader(pipelines, new StageLayouts()).read(workspace).layout(), pipelines);
    }

    private MonitoringRuleResolver.Resolution resolve(MonitoringRuleSetting... rules) {
        return resolver.resolve(List.of(rules), sample, "monitoring.rules", SETTINGS);
    }

    private static MonitoringRuleSetting.IncompleteLoad loads(String stage, String... activities) {
        return new MonitoringRuleSetting.IncompleteLoad(stage, List.of(activities), 12, 7);
    }

    @Test
    void eachStageKnowsTheCopyActivitiesOfThePipelinesItRuns() {
        MonitoredActivities.StageActivities integration = sample.stage("Integration").orElseThrow();

        assertThat(integration.topLevel()).containsExactly(RUN_INTEGRATION);
        assertThat(integration.copies()).extracting(MonitoredActivities.CopyActivity::name).containsExactly(
                "Copy ERP sales orders", "Copy ERP ledger entries", "Copy ERP stock levels", "Copy CRM customers",
                "Copy HR extract");
        assertThat(integration.copies()).allSatisfy(c -> {
            assertThat(c.runBy()).isEqualTo(RUN_INTEGRATION);
            assertThat(c.pipeline()).isEqualTo("integration_pipeline_DBB");
        });
        assertThat(integration.unread()).isEmpty();
        assertThat(sample.stage("Transformation").orElseThrow().copies()).isEmpty();
    }

    @Test
    void anIncompleteLoadRuleWithoutActivitiesExpectsEveryCopyOfTheStage() {
        MonitoringRuleSetting.IncompleteLoad rule = loads("Integration");

        MonitoringRuleResolver.Resolution resolution = resolve(rule);

        assertThat(resolution.problems()).isEmpty();
        assertThat(resolution.rules()).singleElement().isInstanceOfSatisfying(MonitoringRule.IncompleteLoad.class,
                r -> {
                    assertThat(r.number()).isEqualTo(1);
                    assertThat(r.expected()).hasSize(5).allSatisfy(e -> assertThat(e.runBy())
                            .isEqualTo(RUN_INTEGRATION));
                });
    }

    @Test
    void namedActivitiesMayBeTopLevelActivitiesOrCopiesEachStandingForWhatRunsIt() {
        MonitoringRuleResolver.Resolution resolution = resolve(loads("Monitoring", "Monitor load completeness"),
                loads("Integration", "Copy HR extract"));

        assertThat(resolution.problems()).isEmpty();
        assertThat(resolution.rules()).extracting(r -> ((MonitoringRule.IncompleteLoad) r).expected().get(0))
                .containsExactly(new MonitoringRule.ExpectedActivity("Monitor load completeness",
                                "Monitor load completeness"),
                        new MonitoringRule.ExpectedActivity("Copy HR extract", RUN_INTEGRATION));
    }

    @Test
    void anUnknownStageIsAnErrorAtTheRuleListingTheStages() {
        MonitoringRuleResolver.Resolution resolution = resolve(loads("integration"));

        assertThat(resolution.rules()).isEmpty();
        assertThat(resolution.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.format(null)).isEqualTo("dbb-console.yml:12:7: error: monitoring.rules #1"
                    + " (incomplete-load) names stage 'integration', which is not a stage of the master pipeline"
                    + " (names are case-sensitive: did you mean 'Integration'?); stages are: Initialisation,"
                    + " Integration, Transformation, Monitoring, Maintenance, Semantic refresh");
        });
    }

    @Test
    void anUnknownActivityIsAnErrorListingWhatTheStageCanExpect() {
        assertThat(resolve(loads("Integration", "Copy_Orders")).problems()).extracting(Problem::message)
                .containsExactly("monitoring.rules #1 (incomplete-load) expects 'Copy_Orders' in stage Integration,"
                        + " which is neither one of its activities nor a Copy activity of a pipeline it runs; it can"
                        + " expect: Run integration pipeline, Copy ERP sales orders, Copy ERP ledger entries,"
                        + " Copy ERP stock levels, Copy CRM customers, Copy HR extract");
    }

    @Test
    void aStageWithoutCopiesNeedsItsActivitiesListed() {
        assertThat(resolve(loads("Transformation")).problems()).extracting(Problem::message)
                .containsExactly("monitoring.rules #1 (incomplete-load) stage Transformation runs no pipeline with"
                        + " Copy activities, so this rule would expect nothing; list the activities it expects"
                        + " under 'activities' (Run transformation pipeline)");
    }

    @Test
    void aRowMinimumFindsTheStageOfItsCopy() {
        MonitoringRuleResolver.Resolution resolution = resolve(new MonitoringRuleSetting.RowsBelowMinimum(
                Optional.empty(), "Copy CRM customers", 500, 3, 7));

        assertThat(resolution.rules()).containsExactly(new MonitoringRule.RowsBelowMinimum(1, "Integration",
                "Copy CRM customers", 500, RUN_INTEGRATION));
    }

    @Test
    void aRowMinimumOnSomethingThatIsNoCopyListsTheCopies() {
        MonitoringRuleResolver.Resolution resolution = resolve(new MonitoringRuleSetting.RowsBelowMinimum(
                Optional.empty(), RUN_INTEGRATION, 500, 3, 7), new MonitoringRuleSetting.RowsBelowMinimum(
                Optional.of("Transformation"), "Copy HR extract", 1, 9, 7));

        assertThat(resolution.problems()).extracting(Problem::message).containsExactly(
                "monitoring.rules #1 (rows-below-minimum) counts the rows of 'Run integration pipeline', which is"
                        + " not a Copy activity of any pipeline the stages run; Copy activities: Copy ERP sales"
                        + " orders, Copy ERP ledger entries, Copy ERP stock levels, Copy CRM customers, Copy HR"
                        + " extract",
                "monitoring.rules #2 (rows-below-minimum) counts the rows of 'Copy HR extract', which is not a Copy"
                        + " activity of a pipeline stage Transformation runs; that stage runs no Copy activity; stage"
                        + " Integration copies it: name that stage or leave 'stage' out");
    }

    @Test
    void aStageTargetIsShownOnTheActivityEndingTheStageAndAnActivityTargetOnItsOwn() {
        MonitoringRuleResolver.Resolution resolution = resolve(
                new MonitoringRuleSetting.DurationOverTarget("Initialisation", Optional.empty(),
                        Duration.ofMinutes(5), 1, 7),
                new MonitoringRuleSetting.DurationOverTarget("Integration", Optional.of("Copy HR extract"),
                        Duration.ofMinutes(5), 4, 7),
                new MonitoringRuleSetting.DurationOverTarget("Integration", Optional.of("Copy hr extract"),
                        Duration.ofMinutes(5), 7, 7));

        assertThat(resolution.rules()).extracting(r -> ((MonitoringRule.DurationOverTarget) r).shownOn())
                .containsExactly("Set load date", RUN_INTEGRATION);
        assertThat(resolution.problems()).singleElement().extracting(Problem::message).asString()
                .contains("times 'Copy hr extract', which stage Integration does not run (names are"
                        + " case-sensitive: did you mean 'Copy HR extract'?)");
    }

    @Test
    void aNameInAPipelineTheConsoleCannotReadIsKeptWithAWarning() {
        MonitoredActivities unread = new MonitoredActivities(List.of(new MonitoredActivities.StageActivities(
                "Integration", List.of(RUN_INTEGRATION), List.of(), List.of(RUN_INTEGRATION))));

        MonitoringRuleResolver.Resolution resolution = resolver.resolve(List.of(loads("Integration", "Copy_Orders"),
                loads("Integration")), unread, "monitoring.rules", SETTINGS);

        assertThat(resolution.rules()).singleElement().isEqualTo(new MonitoringRule.IncompleteLoad(1,
                "Integration", List.of(new MonitoringRule.ExpectedActivity("Copy_Orders", RUN_INTEGRATION))));
        assertThat(resolution.problems()).allMatch(p -> !p.isError()).extracting(Problem::message).containsExactly(
                "monitoring.rules #1 (incomplete-load) cannot confirm 'Copy_Orders' in stage Integration: Run"
                        + " integration pipeline runs a pipeline the console cannot find or read in the repository;"
                        + " it is checked as an activity run by Run integration pipeline",
                "monitoring.rules #2 (incomplete-load) cannot tell which Copy activities stage Integration runs:"
                        + " Run integration pipeline runs a pipeline the console cannot find or read in the"
                        + " repository; until it can, the rule checks nothing (or list the activities it expects"
                        + " under 'activities')");
    }
}
