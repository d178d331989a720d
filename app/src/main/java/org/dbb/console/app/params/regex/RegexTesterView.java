package org.dbb.console.app.params.regex;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.core.workspace.params.regex.FindValueTester;
import org.dbb.console.core.workspace.params.regex.TrialFile;
import org.dbb.console.core.workspace.params.regex.TrialMatch;

/**
 * The find value tester: the entry chooser, the find value as written with its filters, the trial pattern and its
 * flags, what fabric-cicd would make of it, and every match per file with group 1 highlighted. Binds to a
 * {@link RegexTesterViewModel} and holds no logic. Create and use on the FX thread.
 */
public final class RegexTesterView extends VBox {

    /** Node ids page objects look up. */
    public static final String ENTRY_ID = "regex-entry";
    public static final String WRITTEN_ID = "regex-written";
    public static final String TRIAL_ID = "regex-trial";
    public static final String REGEX_ID = "regex-is-regex";
    public static final String IGNORE_CASE_ID = "regex-ignore-case";
    public static final String RESET_ID = "regex-reset";
    public static final String MESSAGES_ID = "regex-messages";
    public static final String SUMMARY_ID = "regex-summary";
    public static final String STATUS_ID = "regex-status";
    public static final String RESULTS_ID = "regex-results";
    /** Style classes page objects look up. */
    public static final String MESSAGE_CLASS = "tester-message";
    public static final String MATCH_CLASS = "tester-match";
    public static final String HIGHLIGHT_CLASS = MatchFlow.HIGHLIGHT;

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    /** Room the tree takes left of a row's text: disclosure arrows, indentation, the scroll bar. */
    private static final int INDENT = 170;

    private final RegexTesterViewModel model;
    private final VBox messages = new VBox(4);
    private final TreeItem<Object> root = new TreeItem<>();

    public RegexTesterView(RegexTesterViewModel model) {
        this.model = model;
        getStyleClass().add("param-tools");

        ComboBox<TesterEntry> entry = new ComboBox<>(model.entries());
        entry.setId(ENTRY_ID);
        entry.setPromptText("no find_replace entry");
        entry.valueProperty().bindBidirectional(model.selectedProperty());
        entry.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(entry, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.runningProperty());
        Label entryTitle = new Label("Entry");
        entryTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, entryTitle, entry, busy);
        top.setAlignment(Pos.CENTER_LEFT);

        Label filters = note();
        filters.textProperty().bind(Bindings.concat("Applies to: ", model.filtersProperty()));
        Label written = new Label();
        written.setId(WRITTEN_ID);
        written.getStyleClass().add("tester-written");
        written.setWrapText(true);
        written.setMaxWidth(Double.MAX_VALUE);
        written.setMinHeight(Region.USE_PREF_SIZE);
        written.textProperty().bind(model.writtenProperty());
        written.visibleProperty().bind(model.writtenProperty().isNotEmpty());
        written.managedProperty().bind(written.visibleProperty());
        Label writtenTitle = note();
        writtenTitle.setText("find_value as written in parameter.yml:");
        writtenTitle.visibleProperty().bind(written.visibleProperty());
        writtenTitle.managedProperty().bind(written.visibleProperty());

        TextField trial = new TextField();
        trial.setId(TRIAL_ID);
        trial.getStyleClass().add("tools-mono");
        trial.setPromptText("a Python regex with one (group), or literal text");
        trial.textProperty().bindBidirectional(model.trialProperty());
        HBox.setHgrow(trial, Priority.ALWAYS);
        CheckBox regex = new CheckBox("is_regex");
        regex.setMnemonicParsing(false);
        regex.setId(REGEX_ID);
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        CheckBox ignoreCase = new CheckBox("ignore_case");
        ignoreCase.setMnemonicParsing(false);
        ignoreCase.setId(IGNORE_CASE_ID);
        ignoreCase.selectedProperty().bindBidirectional(model.ignoreCaseProperty());
        Button reset = new Button("Back to the entry", AppIcon.DISCARD.graphic());
        reset.setId(RESET_ID);
        reset.disableProperty().bind(model.editedProperty().not());
        reset.setOnAction(e -> model.resetTrial());
        Label tryTitle = new Label("Try");
        tryTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox trialRow = new HBox(8, tryTitle, trial);
        trialRow.setAlignment(Pos.CENTER_LEFT);
        // In a narrow panel the button's words give way, never the flags' names.
        regex.setMinWidth(Region.USE_PREF_SIZE);
        ignoreCase.setMinWidth(Region.USE_PREF_SIZE);
        reset.setTooltip(new Tooltip("Try the entry's own find value and flags again"));
        HBox flags = new HBox(12, regex, ignoreCase, reset);
        flags.setAlignment(Pos.CENTER_LEFT);
        Label edited = note();
        edited.getStyleClass().add("tools-edited");
        edited.setText("Trying an edited copy: parameter.yml is not changed.");
        edited.visibleProperty().bind(model.editedProperty());
        edited.managedProperty().bind(edited.visibleProperty());

        messages.setId(MESSAGES_ID);
        model.messages().addListener((ListChangeListener<TesterMessage>) c -> showMessages());
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("tools-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        summary.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        Label status = note();
        status.setId(STATUS_ID);
        status.getStyleClass().add("tools-status");
        status.textProperty().bind(model.statusProperty());

        TreeView<Object> results = new TreeView<>(root);
        results.setId(RESULTS_ID);
        results.setShowRoot(false);
        results.setCellFactory(tree -> new ResultCell());
        VBox.setVgrow(results, Priority.ALWAYS);
        model.files().addListener((ListChangeListener<TrialFile>) c -> rebuild());

        getChildren().addAll(top, filters, writtenTitle, written, trialRow, flags, edited, messages, summary, status,
                results);
        showMessages();
        rebuild();
    }

    private static Label note() {
        Label label = new Label();
        label.getStyleClass().add("tools-note");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private void showMessages() {
        messages.getChildren().clear();
        for (TesterMessage message : model.messages()) {
            Label label = new Label(message.text(), (message.error() ? AppIcon.ERROR : AppIcon.WARNING).graphic());
            label.getStyleClass().add(MESSAGE_CLASS);
            label.pseudoClassStateChanged(ERROR, message.error());
            label.pseudoClassStateChanged(WARNING, !message.error());
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMinHeight(Region.USE_PREF_SIZE);
            messages.getChildren().add(label);
        }
    }

    private void rebuild() {
        root.getChildren().clear();
        for (TrialFile file : model.files()) {
            TreeItem<Object> node = new TreeItem<>(file);
            file.matches().forEach(m -> node.getChildren().add(new TreeItem<>(m)));
            node.setExpanded(true);
            root.getChildren().add(node);
        }
    }

    /** A file with its match count, or one match on its line. */
    private static final class ResultCell extends TreeCell<Object> {

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            getStyleClass().remove(MATCH_CLASS);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item instanceof TrialFile file) {
                Label path = new Label(file.relativePath());
                path.getStyleClass().add("tools-file");
                String count = file.matchCount() + " match" + (file.matchCount() == 1 ? "" : "es")
                        + (file.matchCount() > FindValueTester.MATCHES_SHOWN_PER_FILE
                        ? " (first " + FindValueTester.MATCHES_SHOWN_PER_FILE + " shown)" : "");
                Label owner = new Label(file.itemLabel() + " · " + count);
                owner.getStyleClass().add("tools-file-item");
                FlowPane head = new FlowPane(8, 2, path, owner);
                if (getTreeView() != null) {
                    head.prefWrapLengthProperty().bind(getTreeView().widthProperty().subtract(INDENT));
                }
                setGraphic(head);
                return;
            }
            TrialMatch match = (TrialMatch) item;
            getStyleClass().add(MATCH_CLASS);
            Label location = new Label(match.line() + ":" + match.column());
            location.getStyleClass().add("tools-location");
            TextFlow flow = MatchFlow.of(match);
            if (getTreeView() != null) {
                flow.maxWidthProperty().bind(getTreeView().widthProperty().subtract(INDENT + 60));
                flow.prefWidthProperty().bind(flow.maxWidthProperty());
            }
            HBox box = new HBox(8, location, flow);
            box.setAlignment(Pos.TOP_LEFT);
            setGraphic(box);
        }
    }
}
