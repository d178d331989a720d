package org.dbb.console.app.launch;

import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.plan.LaunchParameter;
import org.dbb.console.core.plan.ParameterInput;

/**
 * One master pipeline parameter in a launch form: the text the operator edits, checked as they type against the
 * declared type with the plan's own message. Use on the FX thread (view-model tests use it from theirs).
 */
public final class ParameterField {

    private final LaunchParameter parameter;
    private final String initialText;
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private ParameterInput input;

    /** @param initialText what the field starts with: the environment's default, or the value a run had */
    ParameterField(LaunchParameter parameter, String initialText) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.initialText = Objects.requireNonNull(initialText, "initialText");
        text.addListener((obs, old, now) -> check());
        text.set(initialText);
        check();
    }

    private void check() {
        String now = text.get() == null ? "" : text.get();
        input = parameter.read(now);
        message.set(input.problem().orElse(""));
        valid.set(input.isValid());
        changed.set(!now.equals(initialText));
    }

    public String name() {
        return parameter.name();
    }

    /** The declared type as written, e.g. {@code int}. */
    public String type() {
        return parameter.type();
    }

    /** Whether the value is a secret: shown masked, never logged or recorded. */
    public boolean secure() {
        return parameter.secure();
    }

    /** Words for what the field takes, e.g. {@code an int (a whole number)}, for a prompt or tooltip. */
    public String expected() {
        return parameter.expected();
    }

    /** The environment's default as text, for a hint; empty when the parameter has none. */
    public String defaultText() {
        return parameter.defaultText();
    }

    /** The text the operator edits. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not a value of the declared type; empty when it is. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether the text differs from what the field started with. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** The value as the declared type, when the text is one. */
    Optional<JsonNode> value() {
        return input.value();
    }

    /** Whether a launch must pass the value: the operator changed it, or there is no default to fall back on. */
    boolean mustBePassed() {
        return changed.get() || parameter.defaultValue().isEmpty();
    }
}
