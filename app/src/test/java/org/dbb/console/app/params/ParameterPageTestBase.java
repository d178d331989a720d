package org.dbb.console.app.params;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.params.coverage.GuidCoverageViewModel;
import org.dbb.console.app.params.regex.RegexTesterViewModel;
import org.dbb.console.app.params.tools.ParameterTools;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.database.DatabaseException;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.coverage.GuidCoverageScanner;
import org.dbb.console.core.workspace.params.regex.FindValueTester;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;

/**
 * What the Parameters page's screen tests share: one background executor per test class, a fresh copy of the sample
 * workspace per test, an audit trail without a database, and the headless window the page is shown in. Call the
 * set-up helpers from a {@code @Start} method, on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ParameterPageTestBase {

    /** The test class's background executor: made before its first test, shut down after its last. */
    protected static ScheduledExecutorService background;

    @TempDir
    protected static Path temp;

    @BeforeAll
    static void startBackground() {
        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopBackground() {
        background.shutdownNow();
    }

    /** A new export of the sample workspace under the class's folder, opened; each test edits its own copy. */
    protected static Workspace openFreshSample() {
        return open(exportSample());
    }

    /** A new export of the sample workspace under the class's folder, to change before it is opened. */
    protected static Path exportSample() {
        Path root = temp.resolve("sample-" + System.nanoTime());
        new SampleWorkspace().exportTo(root);
        return root;
    }

    /** The workspace repository at {@code root}, as the console opens it. */
    protected static Workspace open(Path root) {
        return new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments())).open(root);
    }

    /** A session with {@code workspace} open and the environment the console picks by default. */
    protected static ConsoleSession sessionOn(Workspace workspace) {
        ConsoleSession session = new ConsoleSession();
        session.workspaceProperty().set(workspace);
        return session;
    }

    /** A session with {@code workspace} open in {@code environment}. */
    protected static ConsoleSession sessionOn(Workspace workspace, String environment) {
        ConsoleSession session = new ConsoleSession();
        session.environmentProperty().set(environment);
        session.workspaceProperty().set(workspace);
        return session;
    }

    /** An audit trail whose database is missing: saving still works and says the entry was not recorded. */
    protected static InterventionRecorder auditWithoutDatabase() {
        return new InterventionRecorder(() -> {
            throw new DatabaseException("no database in this test");
        }, Clock.systemUTC(), "operator", message -> { });
    }

    /** The matrix's view model on {@code session}, working on {@link #background}. */
    protected static ParameterMatrixViewModel matrix(ParameterEditing core, ConsoleSession session, Dialogs dialogs) {
        return new ParameterMatrixViewModel(core, session, auditWithoutDatabase(), dialogs, background,
                DelayedExecutor.on(background), new FxExecutor());
    }

    /** The GUID coverage list and the find value tester on {@code session}, working on {@link #background}. */
    protected static ParameterTools parameterTools(ConsoleSession session) {
        ParameterFileValidator validator = new ParameterFileValidator();
        return new ParameterTools(
                new GuidCoverageViewModel(validator, new GuidCoverageScanner(new ParameterResolver()), session,
                        background, new FxExecutor()),
                new RegexTesterViewModel(validator, new FindValueTester(), session, background,
                        DelayedExecutor.on(background), new FxExecutor()));
    }

    /** Shows {@code page} in the light theme, in a window that fits Monocle's headless screen. */
    protected static void show(Stage stage, ConsolePage page) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // Monocle's headless screen is 1280×800; a larger window overflows its frame buffer.
        stage.setScene(new Scene(new StackPane(page.view().get()), 1280, 800));
        stage.show();
    }
}
