package org.dbb.console.app.params.entries;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.params.picker.JsonPathPickerView;
import org.dbb.console.app.params.picker.JsonPathPickerViewModel;
import org.dbb.console.app.params.picker.VariableCompletionPopup;
import org.dbb.console.app.theme.Styles;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ParameterKind;

/**
 * The "Add entry" panel beside the matrix: the kind, that kind's fields, one value per environment (or one for
 * {@code _ALL_}), the JSONPath picker for key_value_replace, and what fabric-cicd's check says. Binds an
 * {@link EntryFormViewModel} and a {@link JsonPathPickerViewModel}; shows and hides the fields of the chosen kind,
 * nothing else. Create and use on the FX thread.
 */
public final class EntryFormView extends VBox {

    /** Node ids page objects look up. */
    public static final String ID = "entry-form";
    public static final String KIND_ID = "entry-kind";
    public static final String FIND_VALUE_ID = "entry-find-value";
    public static final String FIND_KEY_ID = "entry-find-key";
    public static final String POOL_ID = "entry-pool-id";
    public static final String MODELS_ID = "entry-models";
    public static final String ITEM_TYPE_ID = "entry-item-type";
    public static final String ITEM_NAME_ID = "entry-item-name";
    public static final String FILE_PATH_ID = "entry-file-path";
    public static final String REGEX_ID = "entry-regex";
    public static final String ALL_ID = "entry-all";
    public static final String ALL_VALUE_ID = "entry-all-value";
    public static final String VALUE_ID_PREFIX = "entry-value-";
    public static final String PROBLEM_ID = "entry-problem";
    public static final String WARNINGS_ID = "entry-warnings";
    public static final String ADD_ID = "entry-add";
    public static final String CANCEL_ID = "entry-cancel";
    public static final String STYLESHEET = "/org/dbb/console/app/theme/param-entries.css";

    private final EntryFormViewModel model;
    private final Supplier<Optional<ItemScan>> items;
    private final GridPane values = new GridPane();

    public EntryFormView(EntryFormViewModel model, JsonPathPickerViewModel picker, Supplier<Optional<ItemScan>> items) {
        this.model = model;
        this.items = items;
        setId(ID);
        getStyleClass().add("param-entry-form");
        getStylesheets().add(EntryFormView.class.getResource(STYLESHEET).toExternalForm());
        setPrefWidth(430);
        setMinWidth(300);
        setMaxWidth(USE_PREF_SIZE);
        visibleProperty().bind(model.openProperty());
        managedProperty().bind(visibleProperty());

        Label title = new Label("Add entry", AppIcon.ADD.graphic());
        title.getStyleClass().add(Styles.SECTION_TITLE);
        ComboBox<ParameterKind> kind = new ComboBox<>();
        kind.getItems().setAll(EntryFormViewModel.KINDS);
        kind.setId(KIND_ID);
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ParameterKind value) {
                return value == null ? "" : value.key();
            }

            @Override
            public ParameterKind fromString(String text) {
                return ParameterKind.ofKey(text).orElse(null);
            }
        });

        GridPane fields = new GridPane();
        fields.getStyleClass().add("param-entry-fields");
        fields.setHgap(8);
        fields.setVgap(6);
        int row = 0;
        row = field(fields, row, "find_value", text(FIND_VALUE_ID, model.findValueProperty(),
                "text to find, or a regex with one capture group"), ParameterKind.FIND_REPLACE);
        CheckBox regex = new CheckBox("is_regex: \"true\"");
        regex.setId(REGEX_ID);
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        CheckBox ignoreCase = new CheckBox("ignore_case: \"true\"");
        ignoreCase.selectedProperty().bindBidirectional(model.ignoreCaseProperty());
        row = field(fields, row, "", new HBox(12, regex, ignoreCase), ParameterKind.FIND_REPLACE);
        row = field(fields, row, "find_key", text(FIND_KEY_ID, model.findKeyProperty(),
                "$.properties.parameters.name.defaultValue"), ParameterKind.KEY_VALUE_REPLACE);
        row = field(fields, row, "instance_pool_id", text(POOL_ID, model.instancePoolIdProperty(),
                "pool id in Setting/Sparkcompute.yml"), ParameterKind.SPARK_POOL);
        row = field(fields, row, "semantic_model_name", text(MODELS_ID, model.modelNamesProperty(),
                "Sales, Finance"), ParameterKind.SEMANTIC_MODEL_BINDING);
        row = field(fields, row, "item_type", text(ITEM_TYPE_ID, model.itemTypeProperty(),
                "optional, e.g. DataPipeline"), ParameterKind.FIND_REPLACE, ParameterKind.KEY_VALUE_REPLACE);
        row = field(fields, row, "item_name", text(ITEM_NAME_ID, model.itemNameProperty(),
                "optional, comma-separated"), ParameterKind.FIND_REPLACE, ParameterKind.KEY_VALUE_REPLACE,
                ParameterKind.SPARK_POOL);
        field(fields, row, "file_path", text(FILE_PATH_ID, model.filePathProperty(),
                "optional, relative to the repository, globs allowed"), ParameterKind.FIND_REPLACE,
                ParameterKind.KEY_VALUE_REPLACE);

        Label valuesTitle = new Label();
        valuesTitle.getStyleClass().add("param-entry-values-title");
        valuesTitle.textProperty().bind(model.kindProperty().map(k -> k == ParameterKind.SEMANTIC_MODEL_BINDING
                ? "connection_id per environment (GUID, or [GUID, GUID])" : k == ParameterKind.SPARK_POOL
                ? "replace_value per environment ({type: Workspace, name: Pool})" : k == ParameterKind.FIND_REPLACE
                ? "replace_value per environment (text; $items. and $workspace. complete)"
                : "replace_value per environment (YAML: \"text\", 42, true, [a, b])"));
        CheckBox all = new CheckBox("one value for every environment (_ALL_)");
        all.setId(ALL_ID);
        all.setMnemonicParsing(false);
        all.selectedProperty().bindBidirectional(model.useAllProperty());
        TextField allValue = text(ALL_VALUE_ID, model.allValueProperty(), "value for every environment");
        allValue.visibleProperty().bind(model.useAllProperty());
        allValue.managedProperty().bind(allValue.visibleProperty());
        completeVariables(allValue);
        values.setHgap(8);
        values.setVgap(4);
        values.visibleProperty().bind(model.useAllProperty().not());
        values.managedProperty().bind(values.visibleProperty());
        model.values().addListener((ListChangeListener<EnvironmentValue>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuildValues();
                    return;
                }
            }
        });
        rebuildValues();
        model.awaitedEnvironmentProperty().addListener((o, was, now) -> focusValue(now));

        JsonPathPickerView pickerView = new JsonPathPickerView(picker);
        TitledPane pickerPane = new TitledPane("Pick find_key from an item's JSON", pickerView);
        pickerPane.setId("entry-picker");
        pickerPane.visibleProperty().bind(model.kindProperty().isEqualTo(ParameterKind.KEY_VALUE_REPLACE));
        pickerPane.managedProperty().bind(pickerPane.visibleProperty());

        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("param-entry-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label warnings = new Label();
        warnings.setId(WARNINGS_ID);
        warnings.getStyleClass().add("param-entry-warnings");
        warnings.setWrapText(true);
        warnings.textProperty().bind(model.warningsProperty());
        warnings.visibleProperty().bind(model.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());

        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(16, 16);
        checking.visibleProperty().bind(model.checkingProperty());
        Label checkingText = new Label("Checking with fabric-cicd 1.3.0's rules …");
        checkingText.visibleProperty().bind(model.checkingProperty());
        checkingText.managedProperty().bind(checkingText.visibleProperty());
        checking.managedProperty().bind(checking.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.setOnAction(e -> model.cancel());
        Button add = new Button("Add entry", AppIcon.ADD.graphic());
        add.setId(ADD_ID);
        add.getStyleClass().add("accent");
        add.setOnAction(e -> model.add());
        cancel.setMinWidth(USE_PREF_SIZE);
        add.setMinWidth(USE_PREF_SIZE);
        HBox buttons = new HBox(8, checking, checkingText, spacer, cancel, add);
        buttons.setAlignment(Pos.CENTER_LEFT);

        HBox kindRow = new HBox(8, new Label("Kind"), kind);
        kindRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, kindRow, fields, valuesTitle, all, allValue, values, pickerPane);
        content.setPadding(new Insets(4, 12, 10, 12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // The verdict and the buttons stay in view however long the form grows.
        VBox footer = new VBox(6, problem, warnings, buttons);
        footer.getStyleClass().add("param-entry-footer");
        footer.setPadding(new Insets(8, 12, 10, 12));
        HBox header = new HBox(8, title);
        header.setPadding(new Insets(10, 12, 4, 12));
        getChildren().addAll(header, scroll, footer);

        picker.findKeyProperty().bindBidirectional(model.findKeyProperty());
        picker.itemTypeFilterProperty().bind(model.itemTypeProperty());
        picker.itemNameFilterProperty().bind(model.itemNameProperty());
        picker.sampleValueProperty().bind(model.sampleValueProperty());
    }

    private static TextField text(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private int field(GridPane grid, int row, String label, Node control, ParameterKind... kinds) {
        Label name = new Label(label);
        name.getStyleClass().add("param-entry-field-name");
        ObservableValue<Boolean> shown = model.kindProperty().map(k -> List.of(kinds).contains(k));
        name.visibleProperty().bind(shown);
        name.managedProperty().bind(name.visibleProperty());
        control.visibleProperty().bind(shown);
        control.managedProperty().bind(control.visibleProperty());
        GridPane.setHgrow(control, Priority.ALWAYS);
        grid.addRow(row, name, control);
        return row + 1;
    }

    private void rebuildValues() {
        values.getChildren().clear();
        int row = 0;
        for (EnvironmentValue value : model.values()) {
            Label name = new Label(value.environment());
            name.getStyleClass().add("param-entry-field-name");
            TextField field = text(VALUE_ID_PREFIX + value.environment(), value.textProperty(),
                    "leave empty to skip " + value.environment());
            GridPane.setHgrow(field, Priority.ALWAYS);
            completeVariables(field);
            values.addRow(row++, name, field);
        }
    }

    /** Puts the cursor in the value field of {@code environment}, the one the form waits for. */
    private void focusValue(String environment) {
        if (environment == null) {
            return;
        }
        values.getChildren().stream().filter(n -> (VALUE_ID_PREFIX + environment).equals(n.getId())).findFirst()
                .ifPresent(Node::requestFocus);
    }

    private void completeVariables(TextField field) {
        VariableCompletionPopup.attach(field, items);
    }
}
