package org.dbb.console.app.timeline;

import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.core.engine.StepState;

/**
 * The selected stage or step in full, below the timeline: header with state and portal link, facts, the error
 * panel with copy, and tables of attempts, waits, nested rows and breaches (each shown only when it has rows).
 * Binds to a {@link StepDetailViewModel} and holds no logic. Create and use on the FX thread.
 */
public final class StepDetailView extends StackPane {

    /** Node ids that page objects in tests look up. */
    public static final String TITLE_ID = "step-detail-title";
    public static final String STATE_ID = "step-detail-state";
    public static final String PORTAL_LINK_ID = "step-detail-portal";
    public static final String ERROR_ID = "step-detail-error";
    public static final String ERROR_CODE_ID = "step-detail-error-code";
    public static final String ERROR_MESSAGE_ID = "step-detail-error-message";
    public static final String REQUEST_ID_ID = "step-detail-request-id";
    public static final String COPY_ERROR_ID = "step-detail-copy-error";
    public static final String FACTS_ID = "step-detail-facts";
    public static final String ATTEMPTS_ID = "step-detail-attempts";
    public static final String WAITS_ID = "step-detail-waits";
    public static final String CHILDREN_ID = "step-detail-children";
    public static final String BREACHES_ID = "step-detail-breaches";

    private static final double CELL_HEIGHT = 28;
    /** Room for the column header (AtlantaFX's is taller than a cell), the borders and a horizontal scroll bar. */
    private static final double TABLE_CHROME = 56;
    private static final int MAX_TABLE_ROWS = 8;

    private final StepDetailViewModel model;
    private final GridPane facts = new GridPane();
    private final Label stateIcon = new Label();

    public StepDetailView(StepDetailViewModel model) {
        this.model = model;
        getStyleClass().add(TimelineStyles.DETAIL);
        getStylesheets().add(StepDetailView.class.getResource(TimelineStyles.STYLESHEET).toExternalForm());

        Label placeholder = new Label("Select a stage or step to see its attempts, waits and errors.");
        placeholder.getStyleClass().add(TimelineStyles.DETAIL_PLACEHOLDER);
        placeholder.setWrapText(true);

        VBox body = new VBox(header(), factsGrid(), errorPanel(), attemptsSection(), waitsSection(),
                childrenSection(), breachesSection());
        body.getStyleClass().add("step-detail-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(TimelineStyles.DETAIL);
        scroll.visibleProperty().bind(model.presentProperty());
        placeholder.visibleProperty().bind(model.presentProperty().not());
        StackPane.setAlignment(placeholder, Pos.TOP_LEFT);
        getChildren().addAll(scroll, placeholder);
    }

    private Node header() {
        stateIcon.getStyleClass().add(TimelineStyles.STATE_ICON);
        model.stateProperty().addListener((obs, old, state) -> showState(state));
        showState(model.stateProperty().get());

        Label title = new Label();
        title.setId(TITLE_ID);
        title.getStyleClass().add(TimelineStyles.DETAIL_TITLE);
        title.textProperty().bind(model.titleProperty());
        title.setWrapText(true);
        Label subtitle = new Label();
        subtitle.getStyleClass().add(TimelineStyles.DETAIL_SUBTITLE);
        subtitle.textProperty().bind(model.subtitleProperty());
        subtitle.setWrapText(true);
        VBox titles = new VBox(2, title, subtitle);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Label chip = new Label();
        chip.setId(STATE_ID);
        chip.getStyleClass().add(TimelineStyles.STATE_CHIP);
        chip.textProperty().bind(model.stateTextProperty());
        chip.setMinWidth(Region.USE_PREF_SIZE);
        model.stateProperty().addListener((obs, old, state) -> showStateOn(chip, state));

        Hyperlink portal = new Hyperlink("Open in Fabric portal", AppIcon.OPEN_IN_PORTAL.graphic());
        portal.setId(PORTAL_LINK_ID);
        portal.setMinWidth(Region.USE_PREF_SIZE);
        portal.visibleProperty().bind(model.portalLinkProperty().isNotNull());
        portal.managedProperty().bind(portal.visibleProperty());
        portal.setOnAction(e -> model.openPortal());
        Tooltip portalTip = new Tooltip();
        portalTip.textProperty().bind(model.portalLinkProperty().map(Object::toString).orElse(""));
        portal.setTooltip(portalTip);

        HBox header = new HBox(10, stateIcon, titles, chip, portal);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private void showState(StepState state) {
        stateIcon.setGraphic(state == null ? null : TimelineStyles.icon(state).graphic());
        showStateOn(stateIcon, state);
    }

    private static void showStateOn(Node node, StepState state) {
        if (state != null) {
            TimelineStyles.showState(node, state);
        }
    }

    private Node factsGrid() {
        facts.setId(FACTS_ID);
        facts.setHgap(12);
        facts.setVgap(2);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(names, values);
        model.facts().addListener((ListChangeListener<DetailFact>) change -> rebuildFacts());
        rebuildFacts();
        return facts;
    }

    private void rebuildFacts() {
        facts.getChildren().clear();
        List<DetailFact> list = model.facts();
        for (int i = 0; i < list.size(); i++) {
            Label name = new Label(list.get(i).name());
            name.getStyleClass().add(TimelineStyles.DETAIL_FIELD);
            facts.addRow(i, name, selectable(list.get(i).value()));
        }
    }

    private Node errorPanel() {
        Label heading = new Label("Error", AppIcon.ERROR.graphic());
        heading.getStyleClass().add(TimelineStyles.DETAIL_SECTION);
        Label source = new Label();
        source.getStyleClass().add(TimelineStyles.DETAIL_FIELD);
        source.textProperty().bind(model.errorSourceProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button("Copy error details", AppIcon.COPY_TEXT.graphic());
        copy.setId(COPY_ERROR_ID);
        copy.setOnAction(e -> model.copyError());
        HBox top = new HBox(8, heading, source, spacer, copy);
        top.setAlignment(Pos.CENTER_LEFT);

        TextField code = selectable("");
        code.setId(ERROR_CODE_ID);
        code.textProperty().bind(model.errorCodeProperty());
        TextField request = selectable("");
        request.setId(REQUEST_ID_ID);
        request.textProperty().bind(model.requestIdProperty());
        TextArea message = new TextArea();
        message.setId(ERROR_MESSAGE_ID);
        message.getStyleClass().add("selectable");
        message.setEditable(false);
        message.setWrapText(true);
        message.setPrefRowCount(3);
        message.textProperty().bind(model.errorMessageProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        grid.addRow(0, field("Code"), code);
        grid.addRow(1, field("Request id"), request);
        Label messageName = field("Message");
        GridPane.setValignment(messageName, javafx.geometry.VPos.TOP);
        grid.addRow(2, messageName, message);

        VBox panel = new VBox(6, top, grid);
        panel.setId(ERROR_ID);
        panel.getStyleClass().add(TimelineStyles.DETAIL_ERROR);
        panel.visibleProperty().bind(model.errorPresentProperty());
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private Node attemptsSection() {
        TableView<AttemptRow> table = table(ATTEMPTS_ID, model.attempts());
        TableColumn<AttemptRow, String> id = column("", AttemptRow::id, 230);
        id.textProperty().bind(model.idTitleProperty());
        table.getColumns().setAll(List.of(
                column("#", r -> String.valueOf(r.number()), 40),
                column("Status", AttemptRow::status, 90),
                column("Started", AttemptRow::started, 80),
                column("Ended", AttemptRow::ended, 80),
                column("Duration", AttemptRow::duration, 90),
                id,
                column("Error", AttemptRow::error, 360)));
        table.setRowFactory(view -> copyingRow(AttemptRow::id, "Copy id", r -> r.error(), "Copy error"));
        return section("Attempts", table, model.attempts());
    }

    private Node waitsSection() {
        TableView<WaitRow> table = table(WAITS_ID, model.waits());
        table.getColumns().setAll(List.of(
                column("Why", WaitRow::reason, 420),
                column("From", WaitRow::started, 80),
                column("To", WaitRow::ended, 80),
                column("Duration", WaitRow::duration, 110)));
        return section("Wait history", table, model.waits());
    }

    private Node childrenSection() {
        TableView<ChildRow> table = table(CHILDREN_ID, model.children());
        table.getColumns().setAll(List.of(
                column("Name", ChildRow::name, 240),
                column("Type", ChildRow::type, 150),
                column("State", ChildRow::state, 90),
                column("Started", ChildRow::started, 80),
                column("Duration", ChildRow::duration, 90),
                column("Attempts", r -> String.valueOf(r.attempts()), 70)));
        table.setRowFactory(view -> copyingRow(ChildRow::name, "Copy name", ChildRow::type, "Copy type"));
        Label title = new Label();
        title.getStyleClass().add(TimelineStyles.DETAIL_SECTION);
        title.textProperty().bind(model.childrenTitleProperty());
        Label note = new Label();
        note.getStyleClass().add(TimelineStyles.DETAIL_FIELD);
        note.textProperty().bind(model.childrenNoteProperty());
        note.setWrapText(true);
        note.visibleProperty().bind(model.childrenNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox box = new VBox(4, title, note, table);
        showWhenNotEmpty(box, model.children());
        return box;
    }

    private Node breachesSection() {
        TableView<BreachRow> table = table(BREACHES_ID, model.breaches());
        table.getColumns().setAll(List.of(
                column("Check", BreachRow::check, 160),
                column("Table", BreachRow::table, 200),
                column("Expected", BreachRow::expected, 110),
                column("Actual", BreachRow::actual, 110)));
        return section("Threshold breaches", table, model.breaches());
    }

    private <R> TableRow<R> copyingRow(Function<R, String> first, String firstLabel, Function<R, String> second,
                                       String secondLabel) {
        TableRow<R> row = new TableRow<>();
        MenuItem copyFirst = new MenuItem(firstLabel, AppIcon.COPY_TEXT.graphic());
        copyFirst.setOnAction(e -> model.copy(first.apply(row.getItem())));
        MenuItem copySecond = new MenuItem(secondLabel);
        copySecond.setOnAction(e -> model.copy(second.apply(row.getItem())));
        ContextMenu menu = new ContextMenu(copyFirst, copySecond);
        row.itemProperty().addListener((obs, old, item) -> row.setContextMenu(item == null ? null : menu));
        return row;
    }

    private static <R> TableView<R> table(String id, ObservableList<R> rows) {
        TableView<R> table = new TableView<>(rows);
        table.setId(id);
        table.setFixedCellSize(CELL_HEIGHT);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Tall enough for its rows up to a limit, so short tables take no more room than they need.
        table.prefHeightProperty().bind(Bindings.size(rows).map(n -> CELL_HEIGHT * Math.min(n.intValue(),
                MAX_TABLE_ROWS) + TABLE_CHROME));
        table.minHeightProperty().bind(table.prefHeightProperty());
        return table;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static <R> Node section(String title, Node content, ObservableList<R> rows) {
        Label heading = new Label(title);
        heading.getStyleClass().add(TimelineStyles.DETAIL_SECTION);
        VBox box = new VBox(4, heading, content);
        showWhenNotEmpty(box, rows);
        return box;
    }

    private static void showWhenNotEmpty(Node node, ObservableList<?> rows) {
        node.visibleProperty().bind(Bindings.isNotEmpty(rows));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static Label field(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(TimelineStyles.DETAIL_FIELD);
        return label;
    }

    /** Read-only text an operator can select and copy, looking like a label. */
    private static TextField selectable(String text) {
        TextField field = new TextField(text);
        field.setEditable(false);
        field.getStyleClass().add("selectable");
        field.setFocusTraversable(false);
        return field;
    }
}
