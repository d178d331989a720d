package org.dbb.console.app.timeline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The bar area of the timeline: a time axis on top and, below it, one band per visible row with its waits and
 * attempts, the grid, the usual-end marker and the now-line. It is one {@link Canvas} the size of the viewport that
 * draws only the rows in view, so 5,000 rows cost no more to draw than 30. Every colour is a CSS property of this
 * node, set in {@code timeline.css} from the AtlantaFX tokens, so light and dark themes need no code. Use on the FX
 * thread.
 */
final class TimelineChart extends Region {

    static final double ROW_HEIGHT = 26;
    static final double AXIS_HEIGHT = 30;
    private static final double BAR_INSET = 6;
    private static final double STAGE_BAR_HEIGHT = 8;
    private static final double HATCH_SPACING = 6;
    private static final double MIN_TICK_SPACING = 90;
    private static final double CHAR_WIDTH = 6.5;

    private static final StyleablePropertyFactory<TimelineChart> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    /** The colours the chart paints with, each a CSS property ({@code -timeline-failed: -color-danger-emphasis}). */
    enum Ink {
        BACKGROUND("-timeline-background"),
        STAGE_BACKGROUND("-timeline-stage-background"),
        SELECTION("-timeline-selection"),
        GRID("-timeline-grid"),
        AXIS_BACKGROUND("-timeline-axis-background"),
        AXIS_TEXT("-timeline-axis-text"),
        RUNNING("-timeline-running"),
        SUCCEEDED("-timeline-succeeded"),
        FAILED("-timeline-failed"),
        TIMED_OUT("-timeline-timed-out"),
        CANCELLED("-timeline-cancelled"),
        WAIT("-timeline-wait"),
        WAIT_HATCH("-timeline-wait-hatch"),
        REUSED("-timeline-reused"),
        REUSED_BORDER("-timeline-reused-border"),
        BAR_TEXT("-timeline-bar-text"),
        NOW("-timeline-now"),
        ESTIMATE("-timeline-estimate");

        final String cssProperty;

        Ink(String cssProperty) {
            this.cssProperty = cssProperty;
        }
    }

    private final Map<Ink, StyleableProperty<Color>> inks = new EnumMap<>(Ink.class);
    private final Canvas canvas = new Canvas();
    private final Font axisFont = Font.font(Font.getDefault().getFamily(), 11);
    private final Font barFont = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 11);
    private ImagePattern hatch;
    private Color hatchBack;
    private Color hatchLine;


    TimelineChart() {
        for (Ink ink : Ink.values()) {
            // Grey until the stylesheet applies; the metadata is created once and shared by every chart.
            inks.put(ink, CSS.createStyleableColorProperty(this, ink.name(), ink.cssProperty,
                    chart -> chart.inks.get(ink), Color.GRAY));
        }
        getStyleClass().add(TimelineStyles.CHART);
        getChildren().add(canvas);
        setMinSize(0, 0);
    }

    /** The current value of {@code ink}, as the stylesheet set it. */
    Color ink(Ink ink) {
        return inks.get(ink).getValue();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
    }

    /** Height of the row area below the axis. */
    double rowAreaHeight() {
        return Math.max(0, getHeight() - AXIS_HEIGHT);
    }

    /** The visible row under {@code y} (a local coordinate), or -1 over the axis or below the last row. */
    int rowAt(double y, double scrollY, int rowCount) {
        if (y < AXIS_HEIGHT) {
            return -1;
        }
        int index = (int) Math.floor((y - AXIS_HEIGHT + scrollY) / ROW_HEIGHT);
        return index < rowCount ? index : -1;
    }

    /** Draws everything in view. */
    void paint(TimelineViewModel model, double scrollY) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(ink(Ink.BACKGROUND));
        g.fillRect(0, 0, width, height);
        if (model.timelineProperty().get() == null || width <= 0) {
            return;
        }
        List<TimelineRow> rows = model.rows();
        int first = Math.max(0, (int) Math.floor(scrollY / ROW_HEIGHT));
        int last = Math.min(rows.size() - 1, (int) Math.floor((scrollY + rowAreaHeight()) / ROW_HEIGHT));
        int selected = model.selectedIndex();
        long step = TimeTicks.stepSeconds(model.secondsPerPixelProperty().get(), MIN_TICK_SPACING);
        List<Instant> ticks = TimeTicks.ticks(model.timeAt(0), model.timeAt(width), step, model.zone());

        for (int i = first; i <= last; i++) {
            double y = AXIS_HEIGHT + i * ROW_HEIGHT - scrollY;
            if (rows.get(i).isStage()) {
                g.setFill(ink(Ink.STAGE_BACKGROUND));
                g.fillRect(0, y, width, ROW_HEIGHT);
            }
            if (i == selected) {
                g.setFill(ink(Ink.SELECTION));
                g.fillRect(0, y, width, ROW_HEIGHT);
            }
        }
        drawGrid(g, model, ticks, height);
        Instant now = model.nowProperty().get();
        for (int i = first; i <= last; i++) {
            drawRow(g, model, rows.get(i), AXIS_HEIGHT + i * ROW_HEIGHT - scrollY, width, now);
        }
        drawMarkers(g, model, height);
        drawAxis(g, model, ticks, step, width);
    }

    // Straight rules are filled rectangles: the software pipeline fills those directly but strokes lines as shapes.
    private void drawGrid(GraphicsContext g, TimelineViewModel model, List<Instant> ticks, double height) {
        g.setFill(ink(Ink.GRID));
        for (Instant tick : ticks) {
            g.fillRect(Math.floor(model.x(tick)), AXIS_HEIGHT, 1, height - AXIS_HEIGHT);
        }
    }

    private void drawRow(GraphicsContext g, TimelineViewModel model, TimelineRow row, double y, double width,
                         Instant now) {
        if (row.isStage()) {
            drawStage(g, model, row, y, width, now);
            return;
        }
        double top = y + BAR_INSET;
        double barHeight = ROW_HEIGHT - 2 * BAR_INSET;
        for (TimelineSegment segment : row.segments()) {
            double from = model.x(segment.start());
            double to = Math.max(model.x(segment.endOr(now)), from + TimelineViewModel.MIN_BAR_PX);
            if (to < 0 || from > width) {
                continue;
            }
            double left = Math.max(from, -2);
            double right = Math.min(to, width + 2);
            switch (segment.kind()) {
                case WAITING -> drawWait(g, left, top + 2, right - left, barHeight - 4);
                case REUSED -> drawReused(g, left, top, right - left, barHeight);
                default -> {
                    g.setFill(fill(segment.kind()));
                    g.fillRoundRect(left, top, right - left, barHeight, 4, 4);
                    label(g, segment, left, right, top + barHeight / 2, now);
                }
            }
        }
        row.target().ifPresent(target -> {
            // Where a refresh passed its target duration: a notch across the bar, in the now-line's colour.
            double x = Math.round(model.x(target));
            if (x >= 0 && x <= width) {
                g.setFill(ink(Ink.NOW));
                g.fillRect(x - 1, top - 3, 2, barHeight + 6);
            }
        });
    }

    private void drawStage(GraphicsContext g, TimelineViewModel model, TimelineRow row, double y, double width,
                           Instant now) {
        double middle = y + ROW_HEIGHT / 2;
        model.timelineProperty().get().stage(row.id().stage()).ifPresent(lane -> lane.start()
                .flatMap(start -> lane.estimate().map(start::plus).map(end -> new Instant[] {start, end}))
                .ifPresent(span -> {
                    double from = model.x(span[0]);
                    double to = model.x(span[1]);
                    if (to >= 0 && from <= width) {
                        g.setStroke(ink(Ink.ESTIMATE));
                        g.setLineWidth(1);
                        g.setLineDashes(3, 3);
                        g.strokeRect(Math.floor(from) + 0.5, Math.floor(middle - STAGE_BAR_HEIGHT / 2 - 2) + 0.5,
                                Math.max(1, Math.floor(to - from)), STAGE_BAR_HEIGHT + 4);
                        g.setLineDashes();
                    }
                }));
        for (TimelineSegment segment : row.segments()) {
            double from = Math.max(model.x(segment.start()), -2);
            double to = Math.min(Math.max(model.x(segment.endOr(now)), from + TimelineViewModel.MIN_BAR_PX),
                    width + 2);
            if (to >= 0 && from <= width) {
                g.setFill(fill(segment.kind()));
                g.fillRoundRect(from, middle - STAGE_BAR_HEIGHT / 2, to - from, STAGE_BAR_HEIGHT, 3, 3);
            }
        }
    }

    /**
     * A wait is one rectangle filled with a repeating hatch tile. Stroking each hatch line inside a clip made the
     * software pipeline allocate and blend a canvas-sized clip mask per wait, every frame.
     */
    private void drawWait(GraphicsContext g, double x, double y, double w, double h) {
        g.setFill(hatch());
        g.fillRect(x, y, w, h);
    }

    /** The wait fill: the hatch colour over the wait colour, one diagonal per tile, anchored at the canvas origin. */
    private ImagePattern hatch() {
        Color back = ink(Ink.WAIT);
        Color line = ink(Ink.WAIT_HATCH);
        if (hatch == null || !back.equals(hatchBack) || !line.equals(hatchLine)) {
            int size = (int) HATCH_SPACING;
            WritableImage tile = new WritableImage(size, size);
            PixelWriter pixels = tile.getPixelWriter();
            Color over = over(line, back);
            for (int px = 0; px < size; px++) {
                for (int py = 0; py < size; py++) {
                    // Rising diagonals: x + y constant along each line.
                    pixels.setColor(px, py, (px + py) % size == size - 1 ? over : back);
                }
            }
            hatch = new ImagePattern(tile, 0, 0, size, size, false);
            hatchBack = back;
            hatchLine = line;
        }
        return hatch;
    }

    /** {@code top} composited over {@code bottom} (source-over), so one fill shows what two fills showed. */
    static Color over(Color top, Color bottom) {
        double a = top.getOpacity() + bottom.getOpacity() * (1 - top.getOpacity());
        if (a <= 0) {
            return Color.TRANSPARENT;
        }
        double under = bottom.getOpacity() * (1 - top.getOpacity());
        return new Color((top.getRed() * top.getOpacity() + bottom.getRed() * under) / a,
                (top.getGreen() * top.getOpacity() + bottom.getGreen() * under) / a,
                (top.getBlue() * top.getOpacity() + bottom.getBlue() * under) / a, a);
    }

    private void drawReused(GraphicsContext g, double x, double y, double w, double h) {
        g.setFill(ink(Ink.REUSED));
        g.fillRoundRect(x, y, w, h, 4, 4);
        g.setStroke(ink(Ink.REUSED_BORDER));
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeRoundRect(Math.floor(x) + 0.5, Math.floor(y) + 0.5, Math.max(1, w - 1), h - 1, 4, 4);
        g.setLineDashes();
    }

    /** The attempt's duration inside its bar, when the bar is wide enough to hold it. */
    private void label(GraphicsContext g, TimelineSegment segment, double left, double right, double middle,
                       Instant now) {
        String text = TimelineDurations.text(java.time.Duration.between(segment.start(), segment.endOr(now)));
        if (right - left < text.length() * CHAR_WIDTH + 8) {
            return;
        }
        g.setFill(ink(Ink.BAR_TEXT));
        g.setFont(barFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, Math.max(left, 0) + 4, middle);
    }

    private void drawMarkers(GraphicsContext g, TimelineViewModel model, double height) {
        Optional<Instant> usualEnd = model.estimatedEnd();
        if (usualEnd.isPresent()) {
            double x = Math.floor(model.x(usualEnd.get())) + 0.5;
            g.setStroke(ink(Ink.ESTIMATE));
            g.setLineWidth(1);
            g.setLineDashes(6, 4);
            g.strokeLine(x, AXIS_HEIGHT, x, height);
            g.setLineDashes();
        }
        if (model.runningProperty().get()) {
            double x = Math.round(model.x(model.nowProperty().get()));
            g.setFill(ink(Ink.NOW));
            g.fillRect(x - 1, AXIS_HEIGHT, 2, height - AXIS_HEIGHT);
        }
    }

    private void drawAxis(GraphicsContext g, TimelineViewModel model, List<Instant> ticks, long step, double width) {
        g.setFill(ink(Ink.AXIS_BACKGROUND));
        g.fillRect(0, 0, width, AXIS_HEIGHT);
        g.setFill(ink(Ink.GRID));
        g.fillRect(0, AXIS_HEIGHT - 1, width, 1);
        for (Instant tick : ticks) {
            g.fillRect(Math.floor(model.x(tick)), AXIS_HEIGHT - 6, 1, 6);
        }
        g.setFont(axisFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(ink(Ink.AXIS_TEXT));
        for (Instant tick : ticks) {
            double x = Math.floor(model.x(tick)) + 0.5;
            g.fillText(TimeTicks.label(tick, step, model.zone()), x + 3, AXIS_HEIGHT / 2 - 2);
        }
        model.estimatedEnd().ifPresent(end -> {
            double x = model.x(end);
            if (x > 0 && x < width) {
                g.setFill(ink(Ink.ESTIMATE));
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText("usual end", x - 3, AXIS_HEIGHT - 8);
            }
        });
        if (model.runningProperty().get()) {
            double x = Math.round(model.x(model.nowProperty().get()));
            if (x >= 0 && x <= width) {
                g.setFill(ink(Ink.NOW));
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {AXIS_HEIGHT - 7, AXIS_HEIGHT - 7,
                        AXIS_HEIGHT}, 3);
            }
        }
    }

    private Color fill(SegmentKind kind) {
        return switch (kind) {
            case RUNNING -> ink(Ink.RUNNING);
            case SUCCEEDED -> ink(Ink.SUCCEEDED);
            case FAILED -> ink(Ink.FAILED);
            case TIMED_OUT -> ink(Ink.TIMED_OUT);
            case CANCELLED -> ink(Ink.CANCELLED);
            case WAITING -> ink(Ink.WAIT);
            case REUSED -> ink(Ink.REUSED);
        };
    }
}
