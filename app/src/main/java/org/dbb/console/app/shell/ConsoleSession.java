package org.dbb.console.app.shell;

import java.nio.file.Path;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.workspace.Workspace;

/**
 * What every page of the window shares: the open workspace repository (null until loaded), the selected
 * environment (null when none) and the refresh choice for the next launch. The workspace screen sets them; the other pages' view models observe them. Use on
 * the FX thread (view-model tests use it from their own thread, without a toolkit).
 */
public final class ConsoleSession {

    private final ObjectProperty<Path> root = new SimpleObjectProperty<>(this, "root");
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final StringProperty environment = new SimpleStringProperty(this, "environment");
    private final ObjectProperty<RefreshChoice> refreshChoice = new SimpleObjectProperty<>(this, "refreshChoice",
            RefreshChoice.DEFAULT);
    private final ObjectProperty<RunHandle> activeRun = new SimpleObjectProperty<>(this, "activeRun");
    private final ObjectProperty<RunTimeline> activeTimeline = new SimpleObjectProperty<>(this, "activeTimeline");

    /** The repository folder being opened or open. */
    public ObjectProperty<Path> rootProperty() {
        return root;
    }

    /** The loaded repository; null while loading or when it failed to load. */
    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /** The selected environment's name, as in {@code dbb-console.yml}. */
    public StringProperty environmentProperty() {
        return environment;
    }

    /** The models and cap the next launch defaults to; never null. */
    public ObjectProperty<RefreshChoice> refreshChoiceProperty() {
        return refreshChoice;
    }

    /** The run this window launched or resumed that has not ended yet; null when none. Set by the Runs page. */
    public ObjectProperty<RunHandle> activeRunProperty() {
        return activeRun;
    }

    /**
     * The active run's timeline, replaced (on the FX thread) whenever the run changes, so other pages such as the
     * refresh conductor view follow it; it keeps the last run's final timeline after the run ends. Null before any.
     */
    public ObjectProperty<RunTimeline> activeTimelineProperty() {
        return activeTimeline;
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public String environment() {
        return environment.get();
    }
}
