package org.dbb.console.app.launch;

import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One semantic model in the launch form's checklist and whether it is refreshed. Use on the FX thread. */
public final class ModelChoice {

    private final String name;
    private final BooleanProperty selected;

    ModelChoice(String name, boolean selected) {
        this.name = Objects.requireNonNull(name, "name");
        this.selected = new SimpleBooleanProperty(this, "selected", selected);
    }

    public String name() {
        return name;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    @Override
    public String toString() {
        return name;
    }
}
