package org.dbb.console.app.shell;

import java.util.HashMap;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.app.workspace.EnvironmentRow;
import org.dbb.console.app.workspace.LoadState;
import org.dbb.console.app.workspace.WorkspaceViewModel;
import org.dbb.console.core.auth.SignInState;

/**
 * The window frame: a header with the workspace, the environment switcher (protected mark, sign-in state, sign in
 * / out) and the theme switch; the page navigation on the left; the page shown in the middle. Binds to
 * {@link ShellViewModel} and {@link WorkspaceViewModel}; holds no logic. Create and use on the FX thread.
 */
public final class ShellView extends BorderPane {

    public static final String ENVIRONMENTS_ID = "environments";
    public static final String SIGN_IN_ID = "sign-in";
    public static final String SIGN_IN_STATE_ID = "sign-in-state";
    public static final String THEME_ID = "theme";
    public static final String PAGE_ID_PREFIX = "page-";

    private final ShellViewModel shell;
    private final WorkspaceViewModel workspace;
    private final StackPane content = new StackPane();
    private final Map<String, Node> views = new HashMap<>();

    public ShellView(ShellViewModel shell, WorkspaceViewModel workspace) {
        this.shell = shell;
        this.workspace = workspace;
        getStyleClass().add("console-shell");
        setTop(header());
        setLeft(navigation());
        setCenter(content);
        shell.selectedPageProperty().addListener((obs, old, id) -> show(id));
        show(shell.selectedPageProperty().get());
    }

    private Region header() {
        Label icon = new Label(null, AppIcon.WORKSPACE.graphic());
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE);
        title.textProperty().bind(workspace.workspaceNameProperty());
        Label path = new Label();
        path.getStyleClass().add(Styles.SUBTITLE);
        path.textProperty().bind(workspace.workspacePathProperty());
        VBox titles = new VBox(2, title, path);

        ComboBox<EnvironmentRow> environments = new ComboBox<>(workspace.environments());
        environments.setId(ENVIRONMENTS_ID);
        environments.valueProperty().bindBidirectional(workspace.selectedEnvironmentProperty());
        environments.setCellFactory(list -> new EnvironmentCell());
        environments.setButtonCell(new EnvironmentCell());
        environments.disableProperty().bind(workspace.stateProperty().isNotEqualTo(LoadState.READY));
        Label where = new Label();
        where.getStyleClass().add(Styles.SUBTITLE);
        where.textProperty().bind(workspace.selectedEnvironmentProperty().map(EnvironmentRow::description).orElse(""));
        Label protectedBadge = new Label("protected", AppIcon.PROTECTED.graphic());
        protectedBadge.getStyleClass().addAll(Styles.BADGE, "protected-badge");
        protectedBadge.visibleProperty().bind(shell.protectedEnvironmentProperty());
        protectedBadge.managedProperty().bind(protectedBadge.visibleProperty());
        protectedBadge.setTooltip(new Tooltip("Launching or changing anything here needs the environment's name typed"));
        HBox envLine = new HBox(8, environments, protectedBadge);
        envLine.setAlignment(Pos.CENTER_RIGHT);
        VBox envBox = new VBox(2, envLine, where);
        envBox.setAlignment(Pos.CENTER_RIGHT);

        Label signInState = new Label();
        signInState.setId(SIGN_IN_STATE_ID);
        signInState.getStyleClass().add(Styles.SUBTITLE);
        signInState.textProperty().bind(shell.signInTextProperty());
        signInState.setMaxWidth(320);
        Button signIn = new Button();
        signIn.setId(SIGN_IN_ID);
        signIn.textProperty().bind(shell.signInStateProperty().map(s -> s == SignInState.SIGNED_IN ? "Sign out"
                : "Sign in"));
        signIn.visibleProperty().bind(shell.signInStateProperty().isNotNull()
                .and(shell.signInStateProperty().isNotEqualTo(SignInState.NOT_NEEDED)));
        signIn.managedProperty().bind(signIn.visibleProperty());
        signIn.disableProperty().bind(shell.signInBusyProperty());
        signIn.setOnAction(e -> {
            if (shell.signInStateProperty().get() == SignInState.SIGNED_IN) {
                shell.signOut();
            } else {
                shell.signIn();
            }
        });
        VBox signInBox = new VBox(2, signInState, signIn);
        signInBox.setAlignment(Pos.CENTER_RIGHT);

        Button theme = new Button();
        theme.setId(THEME_ID);
        theme.graphicProperty().bind(shell.themeProperty().map(t -> t == Theme.LIGHT ? AppIcon.DARK_THEME.graphic()
                : AppIcon.LIGHT_THEME.graphic()));
        theme.setTooltip(new Tooltip("Switch between the light and dark theme (Ctrl+Shift+D)"));
        theme.getStyleClass().add("flat");
        theme.setOnAction(e -> shell.toggleTheme());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, icon, titles, spacer, new Label("Environment"), envBox, signInBox, theme);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    private Region navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(2);
        nav.getStyleClass().add("console-nav");
        int index = 1;
        for (ConsolePage page : shell.pages()) {
            ToggleButton button = new ToggleButton(page.title(), page.icon().graphic());
            button.setId(PAGE_ID_PREFIX + page.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setTooltip(new Tooltip(page.title() + (index <= 9 ? " (Ctrl+" + index + ")" : "")));
            button.setSelected(page.id().equals(shell.selectedPageProperty().get()));
            button.setOnAction(e -> {
                // A toggle group lets the selected button be clicked off; the page stays shown.
                button.setSelected(true);
                shell.showPage(page.id());
            });
            shell.selectedPageProperty().addListener((obs, old, id) -> button.setSelected(page.id().equals(id)));
            nav.getChildren().add(button);
            index++;
        }
        return nav;
    }

    private void show(String id) {
        shell.pages().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(page -> {
            Node view = views.computeIfAbsent(id, key -> create(page));
            content.getChildren().setAll(view);
        });
    }

    private static Node create(ConsolePage page) {
        try {
            return page.view().get();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ShellView.class).error("The {} page could not be shown", page.title(), e);
            return new ErrorPane("The " + page.title() + " page could not be shown",
                    "The rest of the console works. The log file has the details; please report them.",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
