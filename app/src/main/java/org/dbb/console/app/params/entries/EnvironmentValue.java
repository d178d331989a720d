package org.dbb.console.app.params.entries;

import java.util.Objects;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One environment's value in the new-entry form, as typed; blank leaves the environment out. FX thread only. */
public final class EnvironmentValue {

    private final String environment;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    public EnvironmentValue(String environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public String environment() {
        return environment;
    }

    public StringProperty textProperty() {
        return text;
    }
}
