package org.dbb.console.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.dbb.console.app.icons.BrandIcons;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.app.workspace.EnvironmentRow;
import org.dbb.console.app.workspace.WorkspaceViewModel;

/**
 * The console's main window: the shell with its pages, the theme, the icon, the title, keyboard shortcuts, and the
 * remembered layout (workspace, environment, page, theme, place and size). Create and show on the FX thread.
 */
public final class ConsoleWindow {

    public static final String TITLE = "DBB Console";

    private final ShellViewModel shell;
    private final WorkspaceViewModel workspace;
    private final WindowPreferences preferences;
    private final Consumer<WindowPreferences> savePreferences;
    private final Executor background;
    private final Executor fx;

    /**
     * @param preferences     what the window remembered last time
     * @param savePreferences stores the layout when the window closes (called on the FX thread; keep it quick)
     * @param background      where the application icon's images are decoded
     * @param fx              the FX thread
     */
    public ConsoleWindow(ShellViewModel shell, WorkspaceViewModel workspace, WindowPreferences preferences,
                         Consumer<WindowPreferences> savePreferences, Executor background, Executor fx) {
        this.shell = shell;
        this.workspace = workspace;
        this.preferences = preferences;
        this.savePreferences = savePreferences;
        this.background = background;
        this.fx = fx;
    }

    /** Fills {@code stage} with the console and opens {@code root} in it. */
    public void show(Stage stage, Path root) {
        ConsoleSession session = shell.session();
        shell.themeProperty().set(preferences.theme());
        Application.setUserAgentStylesheet(preferences.theme().userAgentStylesheet());
        shell.themeProperty().addListener((obs, old, theme) ->
                Application.setUserAgentStylesheet(theme.userAgentStylesheet()));
        preferences.lastPage().ifPresent(shell::showPage);

        session.rootProperty().set(root);
        workspace.workspaceProperty().addListener((obs, old, ws) -> {
            session.workspaceProperty().set(ws);
            if (ws != null && old == null) {
                preferences.lastEnvironment().ifPresent(workspace::selectEnvironment);
            }
        });
        workspace.selectedEnvironmentProperty().addListener((obs, old, env) ->
                session.environmentProperty().set(env == null ? null : env.name()));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new ShellView(shell, workspace), Math.min(1360, screen.getWidth()),
                Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(ConsoleWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        installShortcuts(scene);
        stage.setScene(scene);
        // Decoding the icon at eight sizes takes longer than building the whole shell: it arrives just after.
        CompletableFuture.supplyAsync(BrandIcons::windowIcons, background)
                .thenAcceptAsync(stage.getIcons()::setAll, fx);
        stage.titleProperty().bind(workspace.workspaceNameProperty()
                .map(name -> name.isEmpty() ? TITLE : TITLE + " — " + name));
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        placeOnScreen(stage);
        stage.setOnHiding(e -> savePreferences.accept(remembered(stage, root)));
        stage.show();
        workspace.open(root);
    }

    private void installShortcuts(Scene scene) {
        for (ShellShortcut shortcut : ShellShortcut.values()) {
            scene.getAccelerators().put(shortcut.keys(), () -> shell.press(shortcut));
        }
        List<ConsolePage> pages = shell.pages();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < Math.min(pages.size(), digits.length); i++) {
            String id = pages.get(i).id();
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> shell.showPage(id));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), shell::toggleTheme);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> workspace.open(
                shell.session().rootProperty().get()));
    }

    private void placeOnScreen(Stage stage) {
        preferences.bounds().filter(ConsoleWindow::visibleOnSomeScreen).ifPresent(b -> {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
        });
        stage.setMaximized(preferences.maximized());
    }

    private static boolean visibleOnSomeScreen(WindowPreferences.Bounds b) {
        // A monitor unplugged since last time must not leave the window off-screen.
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty();
    }

    private WindowPreferences remembered(Stage stage, Path root) {
        Optional<WindowPreferences.Bounds> bounds = stage.isMaximized() || stage.getWidth() <= 0
                ? preferences.bounds()
                : Optional.of(new WindowPreferences.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                        stage.getHeight()));
        EnvironmentRow env = workspace.selectedEnvironmentProperty().get();
        return preferences.withWorkspace(root.toAbsolutePath().toString())
                .withEnvironment(env == null ? null : env.name())
                .withPage(shell.selectedPageProperty().get())
                .withTheme(shell.themeProperty().get())
                .withPlacement(bounds, stage.isMaximized());
    }
}
