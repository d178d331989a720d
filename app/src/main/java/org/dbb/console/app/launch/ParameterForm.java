package org.dbb.console.app.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.plan.LaunchDefaults;
import org.dbb.console.core.plan.LaunchParameter;
import org.dbb.console.core.plan.ParameterRole;

/**
 * The master pipeline's parameters as the launch and re-run forms show them: one {@link ParameterField} per
 * parameter an operator sets directly (the maintenance flag, the models and the refresh concurrency have options of
 * their own). Use on the FX thread (view-model tests use it from theirs).
 */
public final class ParameterForm {

    private final ObservableList<ParameterField> fields = FXCollections.observableArrayList(
            field -> new Observable[] {field.textProperty(), field.validProperty()});
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<ParameterField> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    ParameterForm() {
        fields.addListener((Observable o) -> valid.set(fields.stream().allMatch(f -> f.validProperty().get())));
    }

    /**
     * Shows the parameters of {@code defaults}, each starting from the value in {@code initial} when it has one (a
     * re-run starts from the original's values), else from the environment's default.
     */
    void load(LaunchDefaults defaults, Map<String, JsonNode> initial) {
        fields.setAll(defaults.parameters().stream().filter(ParameterForm::setDirectly)
                .map(p -> new ParameterField(p, initial.containsKey(p.name())
                        ? LaunchParameter.text(initial.get(p.name())) : p.defaultText()))
                .toList());
    }

    private static boolean setDirectly(LaunchParameter parameter) {
        return parameter.role() == ParameterRole.PLAIN || parameter.role() == ParameterRole.ENVIRONMENT;
    }

    /** One field per parameter, in declaration order; the list reports text and validity changes. */
    public ObservableList<ParameterField> fields() {
        return fieldsView;
    }

    /** The field for {@code name}. */
    public ParameterField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter field " + name));
    }

    /** Whether every field holds a value of its declared type. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The values a launch passes: those the operator changed or that have no default. Call only when valid. */
    Map<String, JsonNode> values() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (ParameterField field : fields) {
            if (field.mustBePassed()) {
                values.put(field.name(), field.value().orElseThrow(() -> new IllegalStateException(
                        "parameter " + field.name() + " is not valid")));
            }
        }
        return values;
    }

    /** The names of the fields, for tests and messages. */
    List<String> names() {
        return fields.stream().map(ParameterField::name).toList();
    }
}
