package org.dbb.console.app.params;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
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

    /** How wide the console window's page navigation is (icons and page titles, light theme). */
    protected static final double NAVIGATION_WIDTH = 180;

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

    /**
     * Shows {@code page} in the light theme in a window of the given size, right of a stand-in for the window's page
     * navigation as wide as the real one, so the page gets the room it gets in the console window.
     */
    protected static void showBesideNavigation(Stage stage, ConsolePage page, double width, double height) {
        Region navigation = new Region();
        navigation.setMinWidth(NAVIGATION_WIDTH);
        navigation.setPrefWidth(NAVIGATION_WIDTH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new BorderPane(page.view().get(), null, null, null, navigation), width, height));
        // The window is shared by the test classes of a run: one a test resized keeps its size otherwise.
        stage.sizeToScene();
        stage.show();
    }

    /** Shows {@code page} in the light theme, in a 1280×800 window. */
    protected static void show(Stage stage, ConsolePage page) {
        show(stage, page, 1280, 800);
    }

    /** Shows {@code page} in the light theme, in a window of the given size (at most the headless screen's). */
    protected static void show(Stage stage, ConsolePage page, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // The headless screen is as large as the surefire configuration's headless.geometry; no larger window.
        stage.setScene(new Scene(new StackPane(page.view().get()), width, height));
        stage.sizeToScene();
        stage.show();
    }
}
