package org.dbb.console.app.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.core.auth.EnvironmentTokens;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.SignInState;
import org.dbb.console.core.auth.SignInStatus;
import org.dbb.console.core.auth.SignInStatusBoard;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * The window frame's state: the pages and which one is shown, the theme, and the selected environment's sign-in
 * (state, who, sign in / sign out). Sign-in runs on the background executor; statuses reach the FX thread through
 * one {@link FxBatcher}. Use on the FX thread.
 */
public final class ShellViewModel {

    /** Opens an environment's sign-in without signing in yet. Blocking; called off the FX thread. */
    @FunctionalInterface
    public interface TokensSource {
        EnvironmentTokens open(Workspace workspace, EnvironmentSettings environment);
    }

    private final ConsoleSession session;
    private final List<ConsolePage> pages;
    private final TokensSource tokens;
    private final Executor background;
    private final StringProperty selectedPage = new SimpleStringProperty(this, "selectedPage");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObservableMap<String, SignInStatus> statuses = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<SignInState> signInState = new ReadOnlyObjectWrapper<>(this, "signInState");
    private final ReadOnlyStringWrapper signInText = new ReadOnlyStringWrapper(this, "signInText", "");
    private final ReadOnlyBooleanWrapper signInBusy = new ReadOnlyBooleanWrapper(this, "signInBusy");
    private final ReadOnlyBooleanWrapper protectedEnvironment = new ReadOnlyBooleanWrapper(this, "protected");
    private final ShellActions actions = new ShellActions();
    private final FxBatcher<SignInUpdate> statusUpdates;

    /** A status change, or the end of a sign-in or sign-out the operator asked for. */
    private record SignInUpdate(Optional<SignInStatus> status) {
        static final SignInUpdate FINISHED = new SignInUpdate(Optional.empty());
    }

    public ShellViewModel(ConsoleSession session, List<ConsolePage> pages, SignInStatusBoard board,
                          TokensSource tokens, Executor background, Executor fx) {
        this.session = Objects.requireNonNull(session, "session");
        this.pages = List.copyOf(pages);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.background = Objects.requireNonNull(background, "background");
        this.statusUpdates = new FxBatcher<>(fx, this::apply);
        board.subscribe(status -> statusUpdates.post(new SignInUpdate(Optional.of(status))));
        if (!this.pages.isEmpty()) {
            selectedPage.set(this.pages.get(0).id());
        }
        session.environmentProperty().addListener((obs, old, env) -> refreshSignIn());
        session.workspaceProperty().addListener((obs, old, ws) -> refreshSignIn());
        refreshSignIn();
    }

    public List<ConsolePage> pages() {
        return pages;
    }

    public ShellActions actions() {
        return actions;
    }

    public ConsoleSession session() {
        return session;
    }

    /** Shows the page with {@code id}; unknown ids are ignored so a stale preference cannot break the window. */
    public void showPage(String id) {
        if (pages.stream().anyMatch(p -> p.id().equals(id))) {
            selectedPage.set(id);
        }
    }

    /** Runs the handler of {@code shortcut}, showing the page it belongs to; false when no page handles it. */
    public boolean press(ShellShortcut shortcut) {
        return actions.handlerFor(shortcut, selectedPage.get()).map(handler -> {
            showPage(handler.pageId());
            handler.action().run();
            return true;
        }).orElse(false);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Signs in to the selected environment in the background (a browser or device code may be needed). */
    public void signIn() {
        selectedSettings().ifPresent(env -> {
            Workspace workspace = session.workspace();
            signInBusy.set(true);
            signInText.set("Signing in to " + env.name() + " (" + describe(env) + ") …");
            background.execute(() -> {
                try {
                    tokens.open(workspace, env).signIn();
                } catch (SignInException | IllegalStateException e) {
                    statusUpdates.post(new SignInUpdate(Optional.of(failed(env.name(), e.getMessage()))));
                } finally {
                    statusUpdates.post(SignInUpdate.FINISHED);
                }
            });
        });
    }

    /** Forgets the selected environment's tokens and remembered account. */
    public void signOut() {
        selectedSettings().ifPresent(env -> {
            Workspace workspace = session.workspace();
            signInBusy.set(true);
            background.execute(() -> {
                try {
                    tokens.open(workspace, env).signOut();
                } catch (RuntimeException e) {
                    statusUpdates.post(new SignInUpdate(Optional.of(failed(env.name(), e.getMessage()))));
                } finally {
                    statusUpdates.post(SignInUpdate.FINISHED);
                }
            });
        });
    }

    private static SignInStatus failed(String environment, String message) {
        return new SignInStatus(environment, SignInState.FAILED, Optional.empty(), Optional.empty(),
                Optional.ofNullable(message), org.dbb.console.core.auth.TokenStorage.NONE, Optional.empty());
    }

    private Optional<EnvironmentSettings> selectedSettings() {
        Workspace workspace = session.workspace();
        String name = session.environment();
        if (workspace == null || name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(workspace.settings().environments().get(name));
    }

    private void apply(List<SignInUpdate> batch) {
        for (SignInUpdate update : batch) {
            update.status().ifPresentOrElse(s -> statuses.put(s.environment(), s), () -> signInBusy.set(false));
        }
        refreshSignIn();
    }

    private void refreshSignIn() {
        Optional<EnvironmentSettings> env = selectedSettings();
        protectedEnvironment.set(env.map(EnvironmentSettings::protectedEnv).orElse(false));
        if (env.isEmpty()) {
            signInState.set(null);
            signInText.set("");
            return;
        }
        if (env.get().emulator()) {
            signInState.set(SignInState.NOT_NEEDED);
            signInText.set("Sandbox · no sign-in needed");
            return;
        }
        SignInStatus status = statuses.get(env.get().name());
        SignInState state = status == null ? SignInState.SIGNED_OUT : status.state();
        signInState.set(state);
        if (signInBusy.get() && state != SignInState.FAILED && state != SignInState.SIGNED_IN) {
            return;
        }
        signInText.set(switch (state) {
            case SIGNED_IN -> "Signed in" + status.account().map(a -> " as " + a).orElse("");
            case SIGNING_IN -> "Signing in …";
            case EXPIRED -> "Sign-in expired · sign in again";
            case FAILED -> "Sign-in failed: " + status.message().orElse("see the log");
            case NOT_NEEDED -> "No sign-in needed";
            case SIGNED_OUT -> "Signed out · " + describe(env.get());
        });
    }

    private static String describe(EnvironmentSettings env) {
        return switch (env.auth()) {
            case INTERACTIVE -> "browser sign-in";
            case DEVICE_CODE -> "device code";
            case AZURE_CLI -> "Azure CLI";
            case SERVICE_PRINCIPAL -> "service principal";
            case DEFAULT -> "default credential";
        };
    }

    public StringProperty selectedPageProperty() {
        return selectedPage;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyObjectProperty<SignInState> signInStateProperty() {
        return signInState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signInTextProperty() {
        return signInText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signInBusyProperty() {
        return signInBusy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty protectedEnvironmentProperty() {
        return protectedEnvironment.getReadOnlyProperty();
    }
}
