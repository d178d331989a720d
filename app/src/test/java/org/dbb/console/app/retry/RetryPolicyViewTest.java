package org.dbb.console.app.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.DaemonThreads;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.pages.RetryPolicyScreen;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.scenario.Scenario;

/** The retry-policy page on screen: editing a notebook's retries, rejecting bad values, saving byte for byte. */
@ExtendWith(ApplicationExtension.class)
class RetryPolicyViewTest {

    private static final String NOTEBOOK = "Monitor load completeness";
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(
            DaemonThreads.named("retry-view-test-"));

    @TempDir
    static Path temp;

    private RetryPageFixture page;

    @Start
    void start(Stage stage) {
        Path dir = temp.resolve("case-" + System.nanoTime());
        page = new RetryPageFixture(dir, dir.resolve("dbb"), BACKGROUND, new FxExecutor(),
                new SandboxOptions(Optional.empty(), Optional.of(Scenario.neutral())));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new RetryPolicyView(page.model), 1200, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        page.close();
    }

    @AfterAll
    static void stopBackground() {
        BACKGROUND.shutdownNow();
    }

    @Test
    void editingANotebooksRetriesRejectsBadValuesAndSavesOnlyTheChangedValue(FxRobot robot) throws Exception {
        RetryPolicyScreen screen = new RetryPolicyScreen(robot).waitUntilLoaded();
        Path file = page.pipelineFile(RetryPageFixture.MASTER);
        byte[] before = Files.readAllBytes(file);

        for (String bad : new String[]{"1001", "-1", "abc"}) {
            screen.typeRetries(NOTEBOOK, bad);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen.problems().size() == 1
                    && screen.problems().get(0).contains(bad.equals("abc") ? "\"abc\"" : bad + " is outside"));
            assertThat(screen.problems()).singleElement().asString()
                    .startsWith("orchestration_pipeline_DBB / " + NOTEBOOK + ": retry ")
                    .contains(bad.equals("abc") ? "\"abc\" is not a whole number"
                            : bad + " is outside the allowed range 0 to 1000");
            assertThat(screen.canSave()).isFalse();
            assertThat(screen.pending()).isEqualTo("1 pending change · 1 invalid");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        screen.typeRetries(NOTEBOOK, "5");
        assertThat(screen.problems()).isEmpty();
        assertThat(screen.pending()).isEqualTo("1 pending change");
        String diff = screen.review();
        assertThat(diff).contains("-          \"retry\": 3,").contains("+          \"retry\": 5,");
        screen.write("notebook flaky on Mondays");

        byte[] after = Files.readAllBytes(file);
        assertThat(after).hasSize(before.length);
        int differing = 0;
        int at = -1;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                differing++;
                at = i;
            }
        }
        assertThat(differing).isEqualTo(1);
        assertThat((char) before[at]).isEqualTo('3');
        assertThat((char) after[at]).isEqualTo('5');
        String upTo = new String(before, 0, at, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(upTo).endsWith("\"retry\": ");
        assertThat(upTo.lastIndexOf("\"name\": ")).isEqualTo(upTo.lastIndexOf("\"name\": \"" + NOTEBOOK + "\""));
        assertThat(screen.retries(NOTEBOOK)).isEqualTo("5");
        assertThat(page.audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.RETRY_POLICY_EDIT);
            assertThat(e.subject()).isEqualTo("orchestration_pipeline_DBB / " + NOTEBOOK);
            assertThat(e.before()).hasValueSatisfying(b -> assertThat(b).startsWith("3 retries · up to 4 attempts"));
            assertThat(e.after()).hasValueSatisfying(a -> assertThat(a).startsWith("5 retries · up to 6 attempts"));
            assertThat(e.reason()).contains("notebook flaky on Mondays");
        });
    }
}
