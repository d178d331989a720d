package org.dbb.console.app.monitoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import org.dbb.console.app.fx.RepaintPacer;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/**
 * The monitoring rows as a grid drawn on one {@link Canvas}: a header, then only the rows in view, with a vertical
 * and a horizontal scroll bar. No cell nodes are re-indexed or re-styled, so a flood of rows keeps the window smooth
 * where a {@code TableView} could not.
 *
 * <p>Redraws are paced: what the operator does (scrolling, keys, selecting, resizing a column or the window, focus,
 * a new filter) is drawn at the next pulse, but rows arriving are drawn at most {@value #ARRIVAL_REPAINTS_PER_SECOND}
 * times a second however many arrive, so while the grid follows a flood the newest row is in view within a fifteenth
 * of a second and most frames leave the canvas alone. Nothing is redrawn when the rows in view, their positions and
 * the selection are what was drawn last (rows arriving below the view while following is paused). A cell's text is
 * formatted once while its row stays in view and cut to its column's width here, with an ellipsis, rather than
 * clipped by the canvas. Colours
 * are CSS properties of this node ({@code monitoring.css}), so light and dark themes need no code. Selection,
 * keyboard (arrows, Page Up/Down, Home, End), wheel and column resizing by dragging a header border are handled
 * here; what a scroll means (pause or resume following) is told to the listener given to
 * {@link #setOnOperatorScroll}. Use on the FX thread.
 */
public final class MonitoringGrid extends Region {

    static final double ROW_HEIGHT = 24;
    static final double HEADER_HEIGHT = 28;
    private static final double PAD = 8;
    private static final double RESIZE_GRIP = 4;
    private static final double MIN_COLUMN_WIDTH = 48;
    private static final double WHEEL_ROWS_PER_NOTCH = 3;
    private static final double WHEEL_NOTCH = 40;
    /** How often at most rows arriving redraw the grid. */
    static final int ARRIVAL_REPAINTS_PER_SECOND = 15;

    private static final StyleablePropertyFactory<MonitoringGrid> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    /** The colours the grid paints with, each a CSS property set from the AtlantaFX tokens. */
    enum Ink {
        BACKGROUND("-grid-background"),
        STRIPE("-grid-stripe"),
        HEADER_BACKGROUND("-grid-header-background"),
        HEADER_TEXT("-grid-header-text"),
        TEXT("-grid-text"),
        LINE("-grid-line"),
        SELECTION("-grid-selection"),
        FOCUS("-grid-focus"),
        RUNNING("-grid-running"),
        SUCCEEDED("-grid-succeeded"),
        PROBLEM("-grid-problem"),
        WARNING("-grid-warning"),
        MUTED("-grid-muted");

        final String cssProperty;

        Ink(String cssProperty) {
            this.cssProperty = cssProperty;
        }
    }

    /**
     * One column: its title, the width it starts at, and how a row reads in it. Immutable.
     *
     * @param status whether the column shows the row's status, drawn in the status's colour
     */
    public record Column(String title, double width, Function<MonitoringRow, String> text, boolean status) {

        public Column {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }

        /** A plain text column. */
        public static Column of(String title, double width, Function<MonitoringRow, String> text) {
            return new Column(title, width, text, false);
        }
    }

    private final Map<Ink, StyleableProperty<Color>> inks = new EnumMap<>(Ink.class);
    private final ObservableList<MonitoringRow> items;
    private final List<Column> columns;
    private final double[] widths;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Font font = Font.getDefault();
    private final Font strong = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
    private final TextFitter plainText = new TextFitter(font);
    private final TextFitter strongText = new TextFitter(strong);
    private final RepaintPacer pacer = new RepaintPacer(ARRIVAL_REPAINTS_PER_SECOND);
    private final AnimationTimer arrivals = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!pacer.pending()) {
                stop();
                pulsing = false;
            } else if (pacer.due(now)) {
                requestLayout();
            }
        }
    };
    private boolean pulsing;
    /** The cells of the rows drawn last, kept while their rows stay in view. */
    private Map<MonitoringRow, RowCells> cells = new IdentityHashMap<>();
    private MonitoringRow[] paintedRows = new MonitoringRow[0];
    private final double[] paintedWidths;
    private double paintedCanvasWidth = -1;
    private double paintedCanvasHeight = -1;
    private int paintedTop = -1;
    private double paintedOffsetX = -1;
    private int paintedSelection = -2;
    private boolean paintedFocus;
    private boolean inksChanged = true;
    private long paints;
    private final ObjectProperty<MonitoringRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final BooleanProperty followNewest = new SimpleBooleanProperty(this, "followNewest", true);

    private int top;
    private double offsetX;
    private int selectedIndex = -1;
    private boolean settingScrollBars;
    private boolean settingSelection;
    private int resizing = -1;
    private double resizeStartX;
    private double resizeStartWidth;
    private Consumer<Boolean> onOperatorScroll = newestShown -> { };

    /**
     * @param items   the rows to show, oldest first; the grid follows its changes
     * @param columns the columns, left to right; the last one takes any width left over
     */
    public MonitoringGrid(ObservableList<MonitoringRow> items, List<Column> columns) {
        this.items = Objects.requireNonNull(items, "items");
        this.columns = List.copyOf(columns);
        this.widths = this.columns.stream().mapToDouble(Column::width).toArray();
        this.paintedWidths = new double[widths.length];
        for (Ink ink : Ink.values()) {
            StyleableProperty<Color> property = CSS.createStyleableColorProperty(this, ink.name(), ink.cssProperty,
                    grid -> grid.inks.get(ink), Color.GRAY);
            inks.put(ink, property);
            ((javafx.beans.Observable) property).addListener(obs -> {
                inksChanged = true;
                operatorChanged();
            });
        }
        getStyleClass().add(MonitoringStyles.GRID);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TABLE_VIEW);
        setAccessibleText("Monitoring rows");
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setUnitIncrement(1);
        hbar.setUnitIncrement(ROW_HEIGHT);
        getChildren().addAll(canvas, vbar, hbar);
        setMinSize(0, 0);

        items.addListener((ListChangeListener<MonitoringRow>) this::itemsChanged);
        selectedRow.addListener((obs, old, row) -> {
            if (!settingSelection) {
                selectedIndex = row == null ? -1 : items.indexOf(row);
                operatorChanged();
            }
        });
        followNewest.addListener((obs, was, now) -> operatorChanged());
        focusedProperty().addListener((obs, was, now) -> operatorChanged());
        vbar.valueProperty().addListener((obs, old, value) -> {
            if (!settingScrollBars) {
                scrollTopTo((int) Math.round(value.doubleValue()));
                operatorScrolled();
            }
        });
        hbar.valueProperty().addListener((obs, old, value) -> {
            if (!settingScrollBars) {
                offsetX = value.doubleValue();
                operatorChanged();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> resizing = -1);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, event ->
                canvas.setCursor(borderAt(event.getX(), event.getY()) >= 0 ? Cursor.H_RESIZE : Cursor.DEFAULT));
    }

    // What the view binds to and reads

    /** The selected row; null when none. Setting it selects that row if the grid holds it. */
    public ObjectProperty<MonitoringRow> selectedRowProperty() {
        return selectedRow;
    }

    /** Whether the newest row is kept in view as rows arrive. */
    public BooleanProperty followNewestProperty() {
        return followNewest;
    }

    /**
     * Told after each scroll the operator makes (wheel, keys, scroll bar) whether the newest row is in view
     * afterwards: the view turns that into pausing or resuming the follow.
     */
    public void setOnOperatorScroll(Consumer<Boolean> listener) {
        this.onOperatorScroll = Objects.requireNonNull(listener, "listener");
    }

    /** The rows the grid shows, oldest first. */
    public ObservableList<MonitoringRow> getItems() {
        return items;
    }

    /** Whether the newest row is entirely in view (true when there are no rows). */
    public boolean newestRowShown() {
        return items.isEmpty() || top + fullRowsInView() >= items.size();
    }

    /** The index of the first row in view. */
    public int firstRowInView() {
        return top;
    }

    /** The texts of the cells in view, row by row, left to right, leaving out empty ones. */
    public List<String> visibleCellTexts() {
        List<String> texts = new ArrayList<>();
        int end = Math.min(items.size(), top + rowsInView());
        for (int i = top; i < end; i++) {
            for (Column column : columns) {
                String text = column.text().apply(items.get(i));
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    /** How many times the canvas was drawn: for tests of the redraw pace. */
    long paints() {
        return paints;
    }

    /** Whether a change waits to be drawn. */
    boolean redrawPending() {
        return pacer.pending();
    }

    /** The current width of each column, left to right. */
    public List<Double> columnWidths() {
        List<Double> out = new ArrayList<>();
        for (double width : widths) {
            out.add(width);
        }
        return out;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    // Layout and painting

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        double barWidth = vbar.prefWidth(-1);
        double barHeight = hbar.prefHeight(-1);
        boolean needsH = totalColumnWidth() > width - barWidth;
        double bodyWidth = Math.max(0, width - barWidth);
        double bodyHeight = Math.max(0, height - (needsH ? barHeight : 0));
        canvas.setWidth(bodyWidth);
        canvas.setHeight(bodyHeight);
        canvas.relocate(0, 0);
        vbar.resizeRelocate(bodyWidth, 0, barWidth, bodyHeight);
        hbar.setVisible(needsH);
        hbar.resizeRelocate(0, bodyHeight, bodyWidth, needsH ? barHeight : 0);

        if (bodyWidth != paintedCanvasWidth || bodyHeight != paintedCanvasHeight) {
            pacer.operatorChanged();
        }
        long now = System.nanoTime();
        if (!pacer.due(now)) {
            // Rows arrived, but the pace allows no redraw yet: the view stays as drawn until the arrivals timer's
            // pulse.
            startPulses();
            return;
        }
        pacer.painted(now);
        if (followNewest.get()) {
            top = maxTop();
        }
        top = clamp(top, 0, maxTop());
        offsetX = clamp(offsetX, 0, Math.max(0, totalColumnWidth() - bodyWidth));
        syncScrollBars(bodyWidth);
        if (viewChanged()) {
            paint();
        }
    }

    /** Whether what the canvas shows would differ from what it was drawn with last. */
    private boolean viewChanged() {
        int end = Math.min(items.size(), top + rowsInView());
        boolean same = !inksChanged && canvas.getWidth() == paintedCanvasWidth
                && canvas.getHeight() == paintedCanvasHeight && top == paintedTop && offsetX == paintedOffsetX
                && selectedIndex == paintedSelection && isFocused() == paintedFocus
                && java.util.Arrays.equals(widths, paintedWidths) && end - top == paintedRows.length;
        for (int i = top; same && i < end; i++) {
            same = items.get(i) == paintedRows[i - top];
        }
        return !same;
    }

    private void paint() {
        paints++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        int end = Math.min(items.size(), top + rowsInView());
        rememberPainted(end);
        g.setFill(ink(Ink.BACKGROUND));
        g.fillRect(0, 0, width, height);
        if (width <= 0 || height <= 0) {
            return;
        }
        double[] drawn = drawnWidths();
        double[] lefts = lefts(drawn);
        for (int i = top; i < end; i++) {
            double y = HEADER_HEIGHT + (i - top) * ROW_HEIGHT;
            if (i == selectedIndex) {
                g.setFill(ink(Ink.SELECTION));
                g.fillRect(0, y, width, ROW_HEIGHT);
            } else if (i % 2 == 1) {
                g.setFill(ink(Ink.STRIPE));
                g.fillRect(0, y, width, ROW_HEIGHT);
            }
        }
        Map<MonitoringRow, RowCells> kept = new IdentityHashMap<>();
        RowCells[] shown = new RowCells[end - top];
        for (int i = top; i < end; i++) {
            MonitoringRow row = items.get(i);
            RowCells rowCells = cells.get(row);
            shown[i - top] = rowCells != null ? rowCells : new RowCells(row, columns);
            kept.put(row, shown[i - top]);
        }
        cells = kept;
        g.setTextBaseline(VPos.CENTER);
        // Plain columns first, then the status column, so the font and colour change as seldom as possible.
        g.setFont(font);
        g.setFill(ink(Ink.TEXT));
        for (int c = 0; c < columns.size(); c++) {
            double x = lefts[c] - offsetX;
            if (!columns.get(c).status() && x + drawn[c] >= 0 && x <= width) {
                for (int r = 0; r < shown.length; r++) {
                    g.fillText(shown[r].fitted(c, plainText, drawn[c] - PAD - 2), x + PAD, rowMiddle(r));
                }
            }
        }
        Font current = font;
        Color currentInk = null;
        for (int c = 0; c < columns.size(); c++) {
            double x = lefts[c] - offsetX;
            if (!columns.get(c).status() || x + drawn[c] < 0 || x > width) {
                continue;
            }
            for (int r = 0; r < shown.length; r++) {
                MonitoringStatus status = shown[r].row.status();
                Font wanted = isAlarm(status) ? strong : font;
                Color statusInk = ink(statusInk(status));
                if (wanted != current) {
                    g.setFont(wanted);
                    current = wanted;
                }
                if (!statusInk.equals(currentInk)) {
                    g.setFill(statusInk);
                    currentInk = statusInk;
                }
                TextFitter fitter = wanted == strong ? strongText : plainText;
                g.fillText(shown[r].fitted(c, fitter, drawn[c] - PAD - 2), x + PAD, rowMiddle(r));
            }
        }
        // Rules are filled rectangles: the software pipeline fills those directly but strokes lines as shapes.
        g.setFill(ink(Ink.LINE));
        for (int c = 0; c < columns.size(); c++) {
            double x = lefts[c] - offsetX;
            if (x + drawn[c] >= 0 && x <= width) {
                g.fillRect(Math.floor(x + drawn[c]) - 1, HEADER_HEIGHT, 1, (end - top) * ROW_HEIGHT);
            }
        }
        paintHeader(g, lefts, drawn, width);
        if (isFocused() && selectedIndex >= top && selectedIndex < end) {
            g.setStroke(ink(Ink.FOCUS));
            g.setLineWidth(1);
            g.strokeRect(0.5, HEADER_HEIGHT + (selectedIndex - top) * ROW_HEIGHT + 0.5, width - 1, ROW_HEIGHT - 1);
        }
    }

    private double rowMiddle(int rowInView) {
        return HEADER_HEIGHT + rowInView * ROW_HEIGHT + ROW_HEIGHT / 2;
    }

    private void rememberPainted(int end) {
        paintedRows = new MonitoringRow[Math.max(0, end - top)];
        for (int i = top; i < end; i++) {
            paintedRows[i - top] = items.get(i);
        }
        System.arraycopy(widths, 0, paintedWidths, 0, widths.length);
        paintedCanvasWidth = canvas.getWidth();
        paintedCanvasHeight = canvas.getHeight();
        paintedTop = top;
        paintedOffsetX = offsetX;
        paintedSelection = selectedIndex;
        paintedFocus = isFocused();
        inksChanged = false;
    }

    private void paintHeader(GraphicsContext g, double[] lefts, double[] drawn, double width) {
        g.setFill(ink(Ink.HEADER_BACKGROUND));
        g.fillRect(0, 0, width, HEADER_HEIGHT);
        g.setFill(ink(Ink.HEADER_TEXT));
        g.setFont(strong);
        for (int c = 0; c < columns.size(); c++) {
            double x = lefts[c] - offsetX;
            if (x + drawn[c] >= 0 && x <= width) {
                g.fillText(strongText.fit(columns.get(c).title(), drawn[c] - PAD - 2), x + PAD, HEADER_HEIGHT / 2);
            }
        }
        g.setFill(ink(Ink.LINE));
        g.fillRect(0, HEADER_HEIGHT - 1, width, 1);
        for (int c = 0; c < columns.size(); c++) {
            double x = lefts[c] - offsetX;
            if (x + drawn[c] >= 0 && x <= width) {
                g.fillRect(Math.floor(x + drawn[c]) - 1, 0, 1, HEADER_HEIGHT);
            }
        }
    }

    /** One row's cell texts, formatted once, and each cut to the width its column had when last drawn. */
    private static final class RowCells {

        final MonitoringRow row;
        private final String[] texts;
        private final String[] fitted;
        private final double[] fittedTo;

        RowCells(MonitoringRow row, List<Column> columns) {
            this.row = row;
            this.texts = new String[columns.size()];
            for (int c = 0; c < texts.length; c++) {
                texts[c] = columns.get(c).text().apply(row);
            }
            this.fitted = new String[texts.length];
            this.fittedTo = new double[texts.length];
        }

        String fitted(int column, TextFitter fitter, double width) {
            if (fitted[column] == null || fittedTo[column] != width) {
                fitted[column] = fitter.fit(texts[column], width);
                fittedTo[column] = width;
            }
            return fitted[column];
        }
    }

    /** Draws the operator's change at the next pulse. */
    private void operatorChanged() {
        pacer.operatorChanged();
        requestLayout();
    }

    private void startPulses() {
        if (!pulsing) {
            pulsing = true;
            arrivals.start();
        }
    }

    private void syncScrollBars(double bodyWidth) {
        settingScrollBars = true;
        try {
            int inView = fullRowsInView();
            vbar.setMin(0);
            vbar.setMax(maxTop());
            vbar.setVisibleAmount(Math.max(1, Math.min(inView, items.size())));
            vbar.setBlockIncrement(Math.max(1, inView - 1));
            vbar.setValue(top);
            vbar.setDisable(maxTop() == 0);
            hbar.setMin(0);
            hbar.setMax(Math.max(0, totalColumnWidth() - bodyWidth));
            hbar.setVisibleAmount(bodyWidth);
            hbar.setBlockIncrement(bodyWidth / 2);
            hbar.setValue(offsetX);
        } finally {
            settingScrollBars = false;
        }
    }

    private Color ink(Ink ink) {
        return inks.get(ink).getValue();
    }

    private static Ink statusInk(MonitoringStatus status) {
        return switch (status) {
            case IN_PROGRESS -> Ink.RUNNING;
            case SUCCEEDED -> Ink.SUCCEEDED;
            case FAILED, TIMED_OUT, INCOMPLETE_LOAD -> Ink.PROBLEM;
            case THRESHOLD_BREACH, OVERRUN -> Ink.WARNING;
            case CANCELLED, SKIPPED -> Ink.MUTED;
        };
    }

    private static boolean isAlarm(MonitoringStatus status) {
        return switch (status) {
            case FAILED, TIMED_OUT, INCOMPLETE_LOAD, THRESHOLD_BREACH, OVERRUN -> true;
            default -> false;
        };
    }

    // Geometry

    /** Rows that fit in the body, counting a partly shown last row. */
    private int rowsInView() {
        return (int) Math.ceil(Math.max(0, canvas.getHeight() - HEADER_HEIGHT) / ROW_HEIGHT);
    }

    /** Rows that fit entirely in the body. */
    private int fullRowsInView() {
        return Math.max(1, (int) Math.floor(Math.max(0, canvas.getHeight() - HEADER_HEIGHT) / ROW_HEIGHT));
    }

    private int maxTop() {
        return Math.max(0, items.size() - fullRowsInView());
    }

    private double totalColumnWidth() {
        double total = 0;
        for (double width : widths) {
            total += width;
        }
        return total;
    }

    /** The widths drawn: the columns' own, with the last one taking the room left over, so no blank band. */
    private double[] drawnWidths() {
        double[] drawn = widths.clone();
        double spare = canvas.getWidth() - totalColumnWidth();
        if (spare > 0 && drawn.length > 0) {
            drawn[drawn.length - 1] += spare;
        }
        return drawn;
    }

    private static double[] lefts(double[] drawn) {
        double[] lefts = new double[drawn.length];
        double x = 0;
        for (int c = 0; c < drawn.length; c++) {
            lefts[c] = x;
            x += drawn[c];
        }
        return lefts;
    }

    /** The column whose right border is under {@code (x, y)} in the header, or -1. */
    private int borderAt(double x, double y) {
        if (y > HEADER_HEIGHT) {
            return -1;
        }
        double[] drawn = drawnWidths();
        double right = -offsetX;
        for (int c = 0; c < drawn.length; c++) {
            right += drawn[c];
            if (Math.abs(x - right) <= RESIZE_GRIP) {
                return c;
            }
        }
        return -1;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    // Changes and input

    private void itemsChanged(ListChangeListener.Change<? extends MonitoringRow> change) {
        int shift = 0;
        boolean lostTrack = false;
        boolean removedAny = false;
        while (change.next()) {
            if (change.wasReplaced() || change.wasPermutated() || change.wasUpdated()) {
                lostTrack = true;
            } else if (change.wasRemoved()) {
                removedAny = true;
                int from = change.getFrom();
                int removed = change.getRemovedSize();
                if (selectedIndex >= from && selectedIndex < from + removed) {
                    lostTrack = true;
                } else if (selectedIndex >= from + removed) {
                    shift -= removed;
                }
                if (top >= from) {
                    top = Math.max(from, top - removed);
                }
            } else if (change.wasAdded() && change.getFrom() <= selectedIndex) {
                shift += change.getAddedSize();
            }
        }
        if (lostTrack && selectedRow.get() != null) {
            selectedIndex = items.indexOf(selectedRow.get());
            if (selectedIndex < 0) {
                select(-1);
            }
        } else if (selectedIndex >= 0) {
            selectedIndex += shift;
        }
        if (lostTrack || removedAny) {
            // A new filter or rows let go: the rows under the pointer change, so draw them at once.
            operatorChanged();
        } else {
            pacer.streamChanged();
            startPulses();
        }
    }

    private void select(int index) {
        selectedIndex = index >= 0 && index < items.size() ? index : -1;
        settingSelection = true;
        try {
            selectedRow.set(selectedIndex < 0 ? null : items.get(selectedIndex));
        } finally {
            settingSelection = false;
        }
        operatorChanged();
    }

    private void scrollTopTo(int index) {
        top = clamp(index, 0, maxTop());
        operatorChanged();
    }

    private void ensureVisible(int index) {
        int inView = fullRowsInView();
        if (index < top) {
            top = index;
        } else if (index >= top + inView) {
            top = index - inView + 1;
        }
        top = clamp(top, 0, maxTop());
        operatorChanged();
    }

    private void operatorScrolled() {
        onOperatorScroll.accept(newestRowShown());
    }

    private void onScroll(ScrollEvent event) {
        if (event.isShiftDown() || Math.abs(event.getDeltaX()) > Math.abs(event.getDeltaY())) {
            double delta = event.isShiftDown() && event.getDeltaX() == 0 ? event.getDeltaY() : event.getDeltaX();
            offsetX = clamp(offsetX - delta, 0, Math.max(0, totalColumnWidth() - canvas.getWidth()));
            operatorChanged();
        } else if (event.getDeltaY() != 0) {
            double notches = event.getDeltaY() / WHEEL_NOTCH;
            int rows = (int) Math.round(notches * WHEEL_ROWS_PER_NOTCH);
            if (rows == 0) {
                rows = event.getDeltaY() > 0 ? 1 : -1;
            }
            scrollTopTo(top - rows);
            operatorScrolled();
        }
        event.consume();
    }

    private void onKey(KeyEvent event) {
        int last = items.size() - 1;
        if (last < 0) {
            return;
        }
        int page = Math.max(1, fullRowsInView() - 1);
        int from = selectedIndex < 0 ? top : selectedIndex;
        int target = switch (event.getCode()) {
            case UP -> from - 1;
            case DOWN -> selectedIndex < 0 ? top : from + 1;
            case PAGE_UP -> from - page;
            case PAGE_DOWN -> from + page;
            case HOME -> 0;
            case END -> last;
            default -> Integer.MIN_VALUE;
        };
        if (target == Integer.MIN_VALUE) {
            return;
        }
        target = clamp(target, 0, last);
        select(target);
        ensureVisible(target);
        operatorScrolled();
        event.consume();
    }

    private void onPress(MouseEvent event) {
        requestFocus();
        int border = borderAt(event.getX(), event.getY());
        if (border >= 0) {
            resizing = border;
            resizeStartX = event.getX();
            resizeStartWidth = drawnWidths()[border];
            event.consume();
            return;
        }
        if (event.getY() > HEADER_HEIGHT) {
            int index = top + (int) Math.floor((event.getY() - HEADER_HEIGHT) / ROW_HEIGHT);
            if (index < items.size()) {
                select(index);
            }
        }
    }

    private void onDrag(MouseEvent event) {
        if (resizing >= 0) {
            widths[resizing] = Math.max(MIN_COLUMN_WIDTH, resizeStartWidth + event.getX() - resizeStartX);
            operatorChanged();
            event.consume();
        }
    }
}
