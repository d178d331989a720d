package org.dbb.console.app.models;

import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One semantic model of the environment in the Models page's checklist: whether it is selected for the next launch,
 * its target duration and its latest refresh in Power BI. Its view model changes it; use on the FX thread.
 */
public final class ModelRow {

    private final String name;
    private final String target;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", true);
    private final ReadOnlyObjectWrapper<HistoryState> history = new ReadOnlyObjectWrapper<>(this, "history",
            HistoryState.READING);
    private final ReadOnlyStringWrapper lastStatus = new ReadOnlyStringWrapper(this, "lastStatus", "reading…");
    private final ReadOnlyStringWrapper lastEnd = new ReadOnlyStringWrapper(this, "lastEnd", "");
    private final ReadOnlyStringWrapper lastDuration = new ReadOnlyStringWrapper(this, "lastDuration", "");

    ModelRow(String name, String target) {
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** How far the latest refresh is known, for styling. */
    public enum HistoryState {
        /** The history is being read. */
        READING,
        /** Power BI has no refresh of the model. */
        NONE,
        /** The latest refresh completed. */
        COMPLETED,
        /** The latest refresh is still running. */
        RUNNING,
        /** The latest refresh failed, timed out or was cancelled. */
        FAILED,
        /** The history could not be read; the status says why. */
        UNAVAILABLE
    }

    public String name() {
        return name;
    }

    /** The target duration, e.g. {@code 20 min}. */
    public String target() {
        return target;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<HistoryState> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** The latest refresh's status in words, or why it is unknown. */
    public ReadOnlyStringProperty lastStatusProperty() {
        return lastStatus.getReadOnlyProperty();
    }

    /** When the latest refresh ended (local time); empty while running or unknown. */
    public ReadOnlyStringProperty lastEndProperty() {
        return lastEnd.getReadOnlyProperty();
    }

    /** How long the latest refresh took, or has run so far. */
    public ReadOnlyStringProperty lastDurationProperty() {
        return lastDuration.getReadOnlyProperty();
    }

    void showHistory(HistoryState state, String status, String end, String duration) {
        history.set(state);
        lastStatus.set(status);
        lastEnd.set(end);
        lastDuration.set(duration);
    }

    @Override
    public String toString() {
        return name;
    }
}
