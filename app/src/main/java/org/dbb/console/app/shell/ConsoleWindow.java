package org.dbb.console.app.shell;

import java.nio.file.Path;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.dbb.console.app.icons.BrandIcons;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.app.workspace.WorkspaceView;
import org.dbb.console.app.workspace.WorkspaceViewModel;

/** The console's main window: theme, icon, title and the workspace screen. Create and show on the FX thread. */
public final class ConsoleWindow {

    public static final String TITLE = "DBB Console";

    private final WorkspaceViewModel workspace;

    public ConsoleWindow(WorkspaceViewModel workspace) {
        this.workspace = workspace;
    }

    /** Fills {@code stage} with the console and opens {@code root} in it. */
    public void show(Stage stage, Path root) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new WorkspaceView(workspace), 1280, 800);
        scene.getStylesheets().add(ConsoleWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.getIcons().setAll(BrandIcons.windowIcons());
        stage.titleProperty().bind(workspace.workspaceNameProperty()
                .map(name -> name.isEmpty() ? TITLE : TITLE + " — " + name));
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
        workspace.open(root);
    }
}
