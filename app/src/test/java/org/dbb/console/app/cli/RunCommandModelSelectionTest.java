package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;

/**
 * {@code dbb run --models} records a "model selection" intervention exactly as a launch from the window does:
 * only when the launch refreshes other models than the previous launch in that workspace × environment.
 */
@Timeout(120)
class RunCommandModelSelectionTest extends SampleWorkspaceCommandTest {

    private static final String QUICK = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            """;

    private String launch(String... models) {
        List<String> args = new ArrayList<>(List.of("run", "-w", workspace.toString(), "--scenario",
                cli.scenario("quick.yml", QUICK)));
        if (models.length > 0) {
            args.add("--models");
            args.add(String.join(",", models));
        }
        assertThat(run(args.toArray(String[]::new))).as(out() + err()).isZero();
        Matcher id = Pattern.compile("Run (\\S+) SUCCEEDED in").matcher(out());
        assertThat(id.find()).as(out()).isTrue();
        return id.group(1);
    }

    private List<AuditEntry> modelSelections() {
        return services.auditTrail().entries(Optional.empty(), Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.MODEL_SELECTION).toList();
    }

    @Test
    void aLaunchWithOtherModelsThanThePreviousOneIsRecordedAndTheSameModelsAgainAreNot() {
        String first = launch("HR", "Sales");

        assertThat(modelSelections()).singleElement().satisfies(e -> {
            assertThat(e.environment()).isEqualTo("sandbox");
            assertThat(e.subject()).isEqualTo("run " + first + " · semantic models to refresh");
            assertThat(e.before()).contains("every model");
            assertThat(e.after()).contains("HR, Sales");
            assertThat(e.runId()).contains(first);
        });

        launch("Sales", "HR");

        assertThat(modelSelections()).as("the same models in another order").hasSize(1);
        assertThat(services.modelSelections().launched(workspace, "sandbox", List.of("HR", "Sales")))
                .as("the window's next launch compares with this one").isEmpty();
    }
}
