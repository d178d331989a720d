package org.dbb.console.app.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.edit.EnvironmentField;

/**
 * The editable settings of one environment as typed, next to the values saved in {@code dbb-console.yml}, with the
 * validator's message per setting. Holds no rules: {@link EnvironmentSettingsViewModel} checks it. Use on the FX
 * thread.
 */
public final class EnvironmentForm {

    private final String name;
    private final boolean emulator;
    private final boolean savedProtected;
    private final Map<EnvironmentField, String> saved = new EnumMap<>(EnvironmentField.class);
    private final Map<EnvironmentField, StringProperty> values = new EnumMap<>(EnvironmentField.class);
    private final Map<EnvironmentField, ReadOnlyStringWrapper> errors = new EnumMap<>(EnvironmentField.class);
    private final BooleanProperty protectedFlag = new SimpleBooleanProperty(this, "protected");
    private final ObservableList<String> formErrors = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyStringWrapper webhookDisplay = new ReadOnlyStringWrapper(this, "webhookDisplay", "");

    EnvironmentForm(EnvironmentSettings env) {
        this.name = env.name();
        this.emulator = env.emulator();
        this.savedProtected = env.protectedEnv();
        for (EnvironmentField field : EnvironmentField.values()) {
            String value = field.current(env).orElse("");
            saved.put(field, value);
            errors.put(field, new ReadOnlyStringWrapper(this, field.path() + "Error", ""));
            if (field != EnvironmentField.PROTECTED) {
                values.put(field, new SimpleStringProperty(this, field.path(), value));
            }
        }
        protectedFlag.set(env.protectedEnv());
    }

    public String name() {
        return name;
    }

    /** Whether this is a sandbox environment (the built-in emulator, no sign-in). */
    public boolean emulator() {
        return emulator;
    }

    /** Whether the environment is protected as saved: changes to it need its name typed to be saved. */
    public boolean savedProtected() {
        return savedProtected;
    }

    /** The text typed for a setting; the protected flag is {@link #protectedProperty()}. */
    public StringProperty valueProperty(EnvironmentField field) {
        return Objects.requireNonNull(values.get(field), () -> field + " is edited through its own property");
    }

    public BooleanProperty protectedProperty() {
        return protectedFlag;
    }

    /** The validator's message about a setting, with file, line and column; empty when it is fine. */
    public ReadOnlyStringProperty errorProperty(EnvironmentField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** Messages about the environment as a whole (e.g. a sign-in method lacking its client id). */
    public ObservableList<String> formErrors() {
        return FXCollections.unmodifiableObservableList(formErrors);
    }

    /** Whether anything differs from what is saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Whether the typed values pass the validator. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /**
     * The webhook as it may be shown: the {@code $ENV:} reference and where it resolves from, or the mask; never a
     * URL.
     */
    public ReadOnlyStringProperty webhookDisplayProperty() {
        return webhookDisplay.getReadOnlyProperty();
    }

    /** The value of a setting as typed, protected flag included. */
    String value(EnvironmentField field) {
        if (field == EnvironmentField.PROTECTED) {
            return Boolean.toString(protectedFlag.get());
        }
        String typed = values.get(field).get();
        return typed == null ? "" : typed.strip();
    }

    String saved(EnvironmentField field) {
        return saved.get(field);
    }

    /** The settings typed differently from what is saved, in field order; an empty value removes a setting. */
    Map<EnvironmentField, Optional<String>> changes() {
        Map<EnvironmentField, Optional<String>> out = new LinkedHashMap<>();
        for (EnvironmentField field : EnvironmentField.values()) {
            String now = value(field);
            if (!now.equals(saved.get(field))) {
                out.put(field, now.isEmpty() ? Optional.empty() : Optional.of(now));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    void revert() {
        values.forEach((field, property) -> property.set(saved.get(field)));
        protectedFlag.set(savedProtected);
    }

    void showErrors(Map<EnvironmentField, String> byField, java.util.List<String> general) {
        errors.forEach((field, error) -> error.set(byField.getOrDefault(field, "")));
        formErrors.setAll(general);
        valid.set(byField.isEmpty() && general.isEmpty());
    }

    void setDirty(boolean value) {
        dirty.set(value);
    }

    void setWebhookDisplay(String text) {
        webhookDisplay.set(text);
    }
}
