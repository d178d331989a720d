package org.dbb.console.app.timeline;

import java.time.Instant;
import java.util.Optional;

import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.dbb.console.app.fx.RepaintPacer;

/**
 * The stage timeline as a Gantt chart: stage and step labels on the left, their attempts and waits against a time
 * axis on the right, with the now-line while the run runs. Binds to a {@link TimelineViewModel}; holds only view
 * state (the vertical scroll).
 *
 * <p>Why a canvas and not a ListView of row cells: a streaming run replaces the whole timeline several times a
 * second and a fan-out can hold thousands of rows. The bars are painted on one viewport-sized canvas, rows in view
 * only, at most once per pulse; the labels are a small pool of real cells re-bound as rows scroll by (see
 * {@link TimelineLabels}). Both read one scroll offset, so they cannot drift apart the way two virtual flows can.
 * Redraws are coalesced by an {@link AnimationTimer} that runs only while the run runs or a redraw is pending.
 * What the operator does (scroll, zoom, select, expand, resize) is drawn at the next pulse; what the run's stream
 * and the clock change is drawn at most {@value #STREAM_REPAINTS_PER_SECOND} times a second, so a run updating
 * every pulse does not make every frame redraw the chart and re-bind the labels. Create and use on the FX thread.
 */
public final class TimelineView extends BorderPane {

    /** Node ids that page objects in tests look up. */
    public static final String CHART_ID = "timeline-chart";
    public static final String LABELS_ID = "timeline-labels";
    public static final String VERTICAL_SCROLL_ID = "timeline-vertical-scroll";
    public static final String HORIZONTAL_SCROLL_ID = "timeline-horizontal-scroll";

    /** Factor per wheel notch when zooming with Ctrl+wheel; gentler than the buttons. */
    private static final double WHEEL_ZOOM = 1.25;
    /** How often at most the run's stream and the clock redraw the chart. */
    static final int STREAM_REPAINTS_PER_SECOND = 15;

    private final TimelineViewModel model;
    private final TimelineChart chart = new TimelineChart();
    private final TimelineLabels labels;
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final Tooltip barTip = new Tooltip();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long nanos) {
            onPulse(nanos);
        }
    };
    private final RepaintPacer pacer = new RepaintPacer(STREAM_REPAINTS_PER_SECOND);
    private long paintedOperatorRevision = -1;
    private long paints;
    private boolean pulsing;
    private boolean syncingScrollBars;
    private boolean tipInstalled;
    private double dragX = Double.NaN;
    private double dragY;

    public TimelineView(TimelineViewModel model) {
        this.model = model;
        this.labels = new TimelineLabels(model::selectRow, this::toggleRow);
        getStyleClass().add(TimelineStyles.TIMELINE);
        getStylesheets().add(TimelineView.class.getResource(TimelineStyles.STYLESHEET).toExternalForm());
        setFocusTraversable(true);

        chart.setId(CHART_ID);
        labels.setId(LABELS_ID);
        vertical.setId(VERTICAL_SCROLL_ID);
        horizontal.setId(HORIZONTAL_SCROLL_ID);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setMin(0);
        vertical.setUnitIncrement(TimelineChart.ROW_HEIGHT);
        horizontal.setMin(0);
        barTip.setShowDelay(Duration.millis(250));
        barTip.setWrapText(true);
        barTip.setMaxWidth(520);

        BorderPane bars = new BorderPane(chart);
        bars.setRight(vertical);
        bars.setBottom(horizontal);
        BorderPane.setMargin(vertical, new javafx.geometry.Insets(TimelineChart.AXIS_HEIGHT, 0, 0, 0));
        Region under = new Region();
        under.minHeightProperty().bind(horizontal.heightProperty());
        BorderPane labelSide = new BorderPane(labels);
        labelSide.setBottom(under);
        SplitPane split = new SplitPane(labelSide, bars);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(labelSide, false);
        setCenter(split);

        wireModel();
        wireInput();
        requestRedraw();
    }

    private void wireModel() {
        model.revisionProperty().addListener((obs, old, now) -> requestRedraw());
        model.runningProperty().addListener((obs, was, is) -> requestRedraw());
        model.selectionProperty().addListener((obs, old, now) -> revealSelection());
        chart.widthProperty().addListener((obs, old, width) -> model.setViewportWidth(width.doubleValue()));
        chart.heightProperty().addListener((obs, old, height) -> requestUrgentRedraw());
        vertical.valueProperty().addListener((obs, old, value) -> requestUrgentRedraw());
        horizontal.valueProperty().addListener((obs, old, value) -> {
            if (!syncingScrollBars) {
                model.scrollTo(value.doubleValue());
            }
        });
        sceneProperty().addListener((obs, old, scene) -> requestUrgentRedraw());
    }

    private void wireInput() {
        chart.setOnMouseClicked(this::clicked);
        chart.setOnMouseMoved(this::hovered);
        chart.setOnMouseExited(e -> hideTip());
        chart.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            requestFocus();
        });
        chart.setOnMouseDragged(this::dragged);
        chart.setOnMouseReleased(e -> dragX = Double.NaN);
        chart.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        labels.addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollRowsBy(-e.getDeltaY());
            e.consume();
        });
        labels.setOnMousePressed(e -> requestFocus());
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    // Input

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        int index = chart.rowAt(e.getY(), vertical.getValue(), model.rows().size());
        if (index >= 0) {
            model.selectRow(index);
            if (e.getClickCount() == 2) {
                toggleRow(index);
            }
        }
    }

    private void hovered(MouseEvent e) {
        int index = chart.rowAt(e.getY(), vertical.getValue(), model.rows().size());
        Optional<String> text = model.hoverText(index, e.getX());
        if (text.isEmpty()) {
            hideTip();
            return;
        }
        barTip.setText(text.get());
        if (!tipInstalled) {
            Tooltip.install(chart, barTip);
            tipInstalled = true;
        }
    }

    private void hideTip() {
        if (tipInstalled) {
            Tooltip.uninstall(chart, barTip);
            tipInstalled = false;
        }
        barTip.hide();
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(dragX) || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        model.scrollBy(dragX - e.getX());
        scrollRowsBy(dragY - e.getY());
        dragX = e.getX();
        dragY = e.getY();
    }

    private void scrolled(ScrollEvent e) {
        double dx = e.getDeltaX();
        double dy = e.getDeltaY();
        if (e.isControlDown() || e.isShortcutDown()) {
            if (dy != 0) {
                model.zoomAt(dy > 0 ? 1 / WHEEL_ZOOM : WHEEL_ZOOM, e.getX());
            }
        } else if (e.isShiftDown() || Math.abs(dx) > Math.abs(dy)) {
            model.scrollBy(-(dx != 0 ? dx : dy));
        } else {
            scrollRowsBy(-dy);
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        int page = Math.max(1, (int) (chart.rowAreaHeight() / TimelineChart.ROW_HEIGHT) - 1);
        switch (e.getCode()) {
            case UP -> model.moveSelection(-1);
            case DOWN -> model.moveSelection(1);
            case PAGE_UP -> model.moveSelection(-page);
            case PAGE_DOWN -> model.moveSelection(page);
            case HOME -> model.selectRow(0);
            case END -> model.selectRow(model.rows().size() - 1);
            case LEFT -> collapseOrGoUp();
            case RIGHT -> model.selection().ifPresent(model::expand);
            case ENTER, SPACE -> {
                int index = model.selectedIndex();
                if (index >= 0) {
                    toggleRow(index);
                }
            }
            case PLUS, EQUALS, ADD -> model.zoomIn();
            case MINUS, SUBTRACT -> model.zoomOut();
            case DIGIT0, NUMPAD0 -> model.fitToRun();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void collapseOrGoUp() {
        int index = model.selectedIndex();
        if (index < 0) {
            return;
        }
        TimelineRow row = model.rows().get(index);
        if (row.expandable() && row.expanded()) {
            model.collapse(row.id());
        } else {
            model.selectParent();
        }
    }

    private void toggleRow(int index) {
        if (index >= 0 && index < model.rows().size()) {
            model.toggle(model.rows().get(index).id());
        }
    }

    private void scrollRowsBy(double pixels) {
        vertical.setValue(clamp(vertical.getValue() + pixels, 0, vertical.getMax()));
    }

    /** Scrolls vertically just enough to show the selected row. */
    private void revealSelection() {
        int index = model.selectedIndex();
        if (index < 0) {
            return;
        }
        updateVerticalRange();
        double top = index * TimelineChart.ROW_HEIGHT;
        double bottom = top + TimelineChart.ROW_HEIGHT;
        double view = chart.rowAreaHeight();
        if (top < vertical.getValue()) {
            vertical.setValue(top);
        } else if (bottom > vertical.getValue() + view) {
            vertical.setValue(clamp(bottom - view, 0, vertical.getMax()));
        }
    }

    // Drawing

    /** Asks for one redraw at the next pulse, however often it is called before then. */
    private void requestUrgentRedraw() {
        pacer.operatorChanged();
        startPulses();
    }

    /**
     * Asks for one redraw: at the next pulse when the operator changed the view, else when the stream's pace
     * allows.
     */
    private void requestRedraw() {
        if (model.operatorRevision() != paintedOperatorRevision) {
            pacer.operatorChanged();
        } else {
            pacer.streamChanged();
        }
        startPulses();
    }

    private void startPulses() {
        if (!pulsing && getScene() != null) {
            pulsing = true;
            pulse.start();
        }
    }

    private void onPulse(long nanos) {
        if (getScene() == null) {
            pulse.stop();
            pulsing = false;
            return;
        }
        if (model.runningProperty().get()) {
            model.tick();
        }
        if (pacer.pending()) {
            if (pacer.due(nanos)) {
                pacer.painted(nanos);
                paint();
            }
        } else if (!model.runningProperty().get()) {
            pulse.stop();
            pulsing = false;
        }
    }

    /** Draws now instead of at the next pulse; for measuring the cost of a frame. */
    void paintNow() {
        pacer.painted(System.nanoTime());
        paint();
    }

    private void paint() {
        paints++;
        paintedOperatorRevision = model.operatorRevision();
        updateVerticalRange();
        syncingScrollBars = true;
        try {
            double visible = model.visibleSeconds();
            double max = model.maxViewStart();
            horizontal.setMax(max);
            horizontal.setVisibleAmount(max <= 0 ? 1 : visible * max / (max + visible));
            horizontal.setUnitIncrement(20 * model.secondsPerPixelProperty().get());
            horizontal.setBlockIncrement(visible * 0.8);
            horizontal.setValue(model.viewStartProperty().get());
            horizontal.setDisable(max <= 0);
        } finally {
            syncingScrollBars = false;
        }
        double scrollY = vertical.getValue();
        chart.paint(model, scrollY);
        labels.show(model.rows(), scrollY, model.selectedIndex());
    }

    private void updateVerticalRange() {
        double content = model.rows().size() * TimelineChart.ROW_HEIGHT;
        double view = chart.rowAreaHeight();
        double max = Math.max(0, content - view);
        vertical.setMax(max);
        // A scroll bar's thumb is visibleAmount / (max - min) of its track: the viewport's share of the content.
        vertical.setVisibleAmount(max <= 0 ? 1 : view * max / content);
        vertical.setBlockIncrement(Math.max(TimelineChart.ROW_HEIGHT, view - TimelineChart.ROW_HEIGHT));
        vertical.setDisable(max <= 0);
        if (vertical.getValue() > max) {
            vertical.setValue(max);
        }
    }

    // Queries

    /** How many times the chart and labels were drawn: for tests of the redraw pace. */
    long paints() {
        return paints;
    }

    /** Whether a change waits to be drawn. */
    boolean redrawPending() {
        return pacer.pending();
    }

    /**
     * Where on screen the bar area draws {@code time} in row {@code id}, when that row is scrolled into view; for
     * pointing at a bar (tests, guided help).
     */
    public Optional<Point2D> locate(RowId id, Instant time) {
        int index = model.rows().stream().map(TimelineRow::id).toList().indexOf(id);
        if (index < 0) {
            return Optional.empty();
        }
        double y = TimelineChart.AXIS_HEIGHT + (index + 0.5) * TimelineChart.ROW_HEIGHT - vertical.getValue();
        double x = model.x(time);
        if (y < TimelineChart.AXIS_HEIGHT || y > chart.getHeight() || x < 0 || x > chart.getWidth()) {
            return Optional.empty();
        }
        return Optional.ofNullable(chart.localToScreen(x, y));
    }

    /** The view model this view shows. */
    public TimelineViewModel model() {
        return model;
    }

    /** The tooltip the bars show; its text is the hovered bar's sentence. */
    public Tooltip barTooltip() {
        return barTip;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
