package org.dbb.console.app.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;
import org.dbb.console.core.timeline.WaitSpan;

/**
 * The stage timeline as the Gantt view shows it: the visible rows (lane headers and expanded step rows), which row
 * is selected, the time scale (seconds per pixel and the time at the left edge), the now-line and whether the view
 * follows it, and the elapsed/estimate sentence. {@link #setTimeline} may be called many times a second while a run
 * streams; expansion and selection are kept by {@link RowId} across calls. Times are measured in seconds from the
 * run's start (the origin). Use on the FX thread only (tests use it from their own thread, without a toolkit).
 */
public final class TimelineViewModel {

    public static final double MIN_SECONDS_PER_PIXEL = 0.02;
    public static final double MAX_SECONDS_PER_PIXEL = 120;
    public static final double DEFAULT_SECONDS_PER_PIXEL = 1;
    /** Each zoom step in or out scales seconds-per-pixel by this much. */
    public static final double ZOOM_FACTOR = 1.5;
    /** Fit and follow keep the run's end at least this far from the right edge, so the now-line is never hidden. */
    static final double END_MARGIN_PX = 24;
    /** While following, the now-line is held at most this far across the viewport. */
    static final double FOLLOW_AT = 0.9;
    /** Fitting never zooms closer than one minute across, so a run that just started is not drawn as a wall. */
    static final Duration MIN_FIT_SPAN = Duration.ofMinutes(1);
    /** Bars narrower than this are drawn (and hit) at this width. */
    public static final double MIN_BAR_PX = 3;

    private final Clock clock;
    private final RowExpansion expansion = new RowExpansion();
    private boolean fitPending = true;
    private Instant origin;
    private Instant latest;

    // Properties
    private final ReadOnlyObjectWrapper<RunTimeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ReadOnlyObjectWrapper<List<TimelineRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows",
            List.of());
    private final ReadOnlyObjectWrapper<RowId> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyDoubleWrapper secondsPerPixel = new ReadOnlyDoubleWrapper(this, "secondsPerPixel",
            DEFAULT_SECONDS_PER_PIXEL);
    private final ReadOnlyDoubleWrapper viewStart = new ReadOnlyDoubleWrapper(this, "viewStart");
    private final ReadOnlyDoubleWrapper viewportWidth = new ReadOnlyDoubleWrapper(this, "viewportWidth");
    private final BooleanProperty followNow = new SimpleBooleanProperty(this, "followNow", true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper(this, "elapsedText", "");
    private final ReadOnlyStringWrapper notesText = new ReadOnlyStringWrapper(this, "notesText", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private long operatorRevision;

    /** @param clock the operator's clock: the now-line, elapsed time and, through its zone, the axis labels */
    public TimelineViewModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        now.set(clock.instant());
        origin = now.get();
        latest = origin;
        followNow.addListener((obs, was, is) -> {
            if (is) {
                follow();
            }
            changed();
        });
    }

    // Commands

    /** Shows {@code next}, keeping expansion, selection and zoom; a different run is fitted to the view. */
    public void setTimeline(RunTimeline next) {
        Objects.requireNonNull(next, "timeline");
        RunTimeline previous = timeline.get();
        if (previous != null && !previous.runId().equals(next.runId())) {
            fitPending = true;
            followNow.set(true);
        }
        timeline.set(next);
        now.set(clock.instant());
        measureExtent(next);
        running.set(next.state() == RunState.RUNNING);
        notesText.set(notes(next));
        RowId selected = selection.get();
        if (selected != null && !RowExpansion.contains(next, selected)) {
            selection.set(null);
        }
        rows.set(expansion.visibleRows(next));
        elapsedText.set(elapsed());
        if (fitPending && viewportWidth.get() > 0) {
            fitToRun();
        } else {
            clampViewStart();
            follow();
        }
        streamed();
    }

    /**
     * Moves the now-line to the clock's time; call once per frame while the run runs. Does nothing (and returns
     * false) until the line would move by a pixel or the elapsed figure by a second, so an idle view draws nothing.
     */
    public boolean tick() {
        Instant time = clock.instant();
        boolean moved = Math.abs(seconds(now.get(), time)) / secondsPerPixel.get() >= 1;
        boolean newSecond = time.getEpochSecond() != now.get().getEpochSecond();
        if (!running.get() || !(moved || newSecond)) {
            return false;
        }
        now.set(time);
        elapsedText.set(elapsed());
        follow();
        streamed();
        return true;
    }

    /** Tells the view model how wide the bar area is, in pixels; the first width known fits the run. */
    public void setViewportWidth(double width) {
        if (width == viewportWidth.get()) {
            return;
        }
        viewportWidth.set(Math.max(0, width));
        if (fitPending && width > 0 && timeline.get() != null) {
            fitToRun();
        } else {
            clampViewStart();
            follow();
        }
        changed();
    }

    public void toggle(RowId id) {
        if (expansion.isExpanded(id)) {
            collapse(id);
        } else {
            expand(id);
        }
    }

    public void expand(RowId id) {
        expansion.set(id, true);
        rebuild();
    }

    /** Collapses {@code id}; a selection nested under it moves to it, so the selected row stays visible. */
    public void collapse(RowId id) {
        expansion.set(id, false);
        RowId selected = selection.get();
        if (selected != null && RowExpansion.isUnder(selected, id)) {
            selection.set(id);
        }
        rebuild();
    }

    public void expandAll() {
        expansion.expandAll();
        rebuild();
    }

    /** Collapses every lane and row; a selected step moves to its lane header. */
    public void collapseAll() {
        expansion.collapseAll();
        RowId selected = selection.get();
        if (selected != null && !selected.isStage()) {
            selection.set(RowId.stage(selected.stage()));
        }
        rebuild();
    }

    /** Selects {@code id}, expanding the rows above it so it is shown; {@code null} clears the selection. */
    public void select(RowId id) {
        if (id != null && !id.isStage()) {
            boolean hidden = rows.get().stream().noneMatch(r -> r.id().equals(id));
            if (hidden) {
                expansion.reveal(id);
                rebuild();
            }
        }
        selection.set(id);
        changed();
    }

    public void select(StepKey key) {
        select(RowId.step(key));
    }

    /** Selects the visible row at {@code index}; out of range does nothing. */
    public void selectRow(int index) {
        List<TimelineRow> visible = rows.get();
        if (index >= 0 && index < visible.size()) {
            select(visible.get(index).id());
        }
    }

    /** Selects the row the selected row is nested in: its parent step, or its lane header. */
    public void selectParent() {
        RowId selected = selection.get();
        if (selected == null || selected.isStage()) {
            return;
        }
        String path = selected.step().orElseThrow().path();
        int slash = path.lastIndexOf('/');
        select(slash < 0 ? RowId.stage(selected.stage())
                : RowId.step(new StepKey(selected.stage(), path.substring(0, slash))));
    }

    /** Moves the selection {@code delta} rows up (negative) or down, staying within the rows. */
    public void moveSelection(int delta) {
        List<TimelineRow> visible = rows.get();
        if (visible.isEmpty()) {
            return;
        }
        int index = selectedIndex();
        int target = index < 0 ? (delta > 0 ? 0 : visible.size() - 1) : index + delta;
        selectRow(Math.max(0, Math.min(visible.size() - 1, target)));
    }

    public void zoomIn() {
        zoomAt(1 / ZOOM_FACTOR, zoomAnchor());
    }

    public void zoomOut() {
        zoomAt(ZOOM_FACTOR, zoomAnchor());
    }

    /**
     * Scales seconds-per-pixel by {@code factor} (below 1 zooms in) keeping the time under {@code anchorX} where it
     * is, as a wheel zoom around the pointer should.
     */
    public void zoomAt(double factor, double anchorX) {
        double old = secondsPerPixel.get();
        double scale = clamp(old * factor, MIN_SECONDS_PER_PIXEL, MAX_SECONDS_PER_PIXEL);
        double anchorSeconds = viewStart.get() + anchorX * old;
        secondsPerPixel.set(scale);
        viewStart.set(anchorSeconds - anchorX * scale);
        clampViewStart();
        follow();
        changed();
    }

    /** Zooms so the whole run (and, while it runs, its usual end) fills the width, from its start. */
    public void fitToRun() {
        double width = viewportWidth.get();
        if (timeline.get() == null || width <= 0) {
            fitPending = true;
            return;
        }
        fitPending = false;
        double span = Math.max(contentSeconds(), MIN_FIT_SPAN.toSeconds());
        double usable = Math.max(1, width - endMargin());
        secondsPerPixel.set(clamp(span / usable, MIN_SECONDS_PER_PIXEL, MAX_SECONDS_PER_PIXEL));
        viewStart.set(0);
        clampViewStart();
        follow();
        changed();
    }

    /** An operator's horizontal scroll by {@code pixels}; scrolling back in time stops following the now-line. */
    public void scrollBy(double pixels) {
        scrollTo(viewStart.get() + pixels * secondsPerPixel.get());
    }

    /** An operator's horizontal scroll to {@code seconds} from the run's start at the left edge. */
    public void scrollTo(double seconds) {
        double before = viewStart.get();
        viewStart.set(seconds);
        clampViewStart();
        if (viewStart.get() < before - 1e-9) {
            followNow.set(false);
        }
        changed();
    }

    // Queries for the view

    /** The x of {@code time} in the bar area, in pixels from its left edge. */
    public double x(Instant time) {
        return (seconds(origin, time) - viewStart.get()) / secondsPerPixel.get();
    }

    /** The time at {@code x} pixels from the bar area's left edge. */
    public Instant timeAt(double x) {
        return origin.plusNanos(Math.round((viewStart.get() + x * secondsPerPixel.get()) * 1e9));
    }

    /** Where the run (and its usual end, while it runs) begins: the origin of the time scale. */
    public Instant origin() {
        return origin;
    }

    /** The furthest the view scrolls right: the run's end (or now) sits just inside the right edge. */
    public double maxViewStart() {
        double visible = viewportWidth.get() * secondsPerPixel.get();
        return Math.max(0, contentSeconds() + endMargin() * secondsPerPixel.get() - visible);
    }

    /** Seconds of the run the viewport shows at the current zoom. */
    public double visibleSeconds() {
        return viewportWidth.get() * secondsPerPixel.get();
    }

    /** Where the run is expected to end (start + estimate), when there is an estimate and a start. */
    public Optional<Instant> estimatedEnd() {
        RunTimeline current = timeline.get();
        if (current == null) {
            return Optional.empty();
        }
        return current.start().flatMap(start -> current.estimate().map(start::plus));
    }

    /** The zone the axis labels its ticks in. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** Index of the selected row among the visible rows, or -1. */
    public int selectedIndex() {
        RowId selected = selection.get();
        if (selected == null) {
            return -1;
        }
        List<TimelineRow> visible = rows.get();
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).id().equals(selected)) {
                return i;
            }
        }
        return -1;
    }

    /** The selected step's row in the current timeline, when a step is selected. */
    public Optional<StepRow> selectedStep() {
        RowId selected = selection.get();
        RunTimeline current = timeline.get();
        if (selected == null || current == null || selected.isStage()) {
            return Optional.empty();
        }
        return current.stage(selected.stage())
                .flatMap(lane -> RowExpansion.find(lane.steps(), selected.step().orElseThrow()));
    }

    /** The bar under {@code x} in visible row {@code rowIndex}: attempts before waits, as they are drawn on top. */
    public Optional<TimelineSegment> segmentAt(int rowIndex, double x) {
        List<TimelineRow> visible = rows.get();
        if (rowIndex < 0 || rowIndex >= visible.size()) {
            return Optional.empty();
        }
        List<TimelineSegment> segments = visible.get(rowIndex).segments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            TimelineSegment segment = segments.get(i);
            double from = x(segment.start());
            double to = Math.max(x(segment.endOr(now.get())), from + MIN_BAR_PX);
            if (x >= from - 1 && x <= to + 1) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    /** The tooltip for whatever bar is under {@code x} in visible row {@code rowIndex}. */
    public Optional<String> hoverText(int rowIndex, double x) {
        return segmentAt(rowIndex, x).map(segment -> hoverText(rows.get().get(rowIndex), segment));
    }

    /** The tooltip sentence for {@code segment} of {@code row}. */
    public String hoverText(TimelineRow row, TimelineSegment segment) {
        Instant time = now.get();
        if (row.isStage()) {
            return timeline.get().stage(row.id().stage()).map(lane -> HoverTexts.stage(lane, time))
                    .orElse(row.label());
        }
        if (segment.waitSpan().isPresent()) {
            return HoverTexts.waited(segment.waitSpan().get(), time);
        }
        AttemptSpan attempt = segment.attemptSpan().orElseThrow();
        if (row.reusedFrom().isPresent()) {
            return HoverTexts.reused(row.reusedFrom().get(), attempt, time);
        }
        return HoverTexts.attempt(attempt, segment.attempts(), row.state().isTerminal(), time);
    }

    // Internals

    private void rebuild() {
        RunTimeline current = timeline.get();
        if (current != null) {
            rows.set(expansion.visibleRows(current));
        }
        changed();
    }

    /** Something the operator did changed what is drawn. */
    private void changed() {
        operatorRevision++;
        revision.set(revision.get() + 1);
    }

    /** The run's stream (a new timeline, the clock) changed what is drawn. */
    private void streamed() {
        revision.set(revision.get() + 1);
    }

    /** Keeps the now-line inside the viewport while following a running run. */
    private void follow() {
        if (!followNow.get() || !running.get() || viewportWidth.get() <= 0) {
            return;
        }
        double width = viewportWidth.get();
        double nowX = x(now.get());
        double limit = Math.min(width * FOLLOW_AT, width - END_MARGIN_PX);
        if (nowX > limit || nowX < 0) {
            viewStart.set(seconds(origin, now.get()) - limit * secondsPerPixel.get());
            clampViewStart();
        }
    }

    private double zoomAnchor() {
        double width = viewportWidth.get();
        double nowX = x(now.get());
        if (followNow.get() && running.get() && nowX >= 0 && nowX <= width) {
            return nowX;
        }
        return width / 2;
    }

    private void clampViewStart() {
        viewStart.set(clamp(viewStart.get(), 0, maxViewStart()));
    }

    private double endMargin() {
        return Math.max(END_MARGIN_PX, viewportWidth.get() * (1 - FOLLOW_AT));
    }

    /** Seconds from the origin to the end of what there is to see. */
    private double contentSeconds() {
        RunTimeline current = timeline.get();
        if (current == null) {
            return 0;
        }
        Instant end = latest;
        if (running.get()) {
            end = later(end, now.get());
            Optional<Instant> usualEnd = estimatedEnd();
            if (usualEnd.isPresent()) {
                end = later(end, usualEnd.get());
            }
        }
        if (current.end().isPresent()) {
            end = later(end, current.end().get());
        }
        return Math.max(0, seconds(origin, end));
    }

    /** Finds the origin (the run's start, else its earliest bar) and the latest instant any bar reaches. */
    private void measureExtent(RunTimeline run) {
        Instant[] extent = new Instant[2];
        for (StageLane lane : run.stages()) {
            for (StepRow step : lane.steps()) {
                measure(step, extent);
            }
            if (lane.end().isPresent()) {
                extent[1] = later(extent[1], lane.end().get());
            }
        }
        origin = run.start().orElse(extent[0] == null ? now.get() : extent[0]);
        latest = extent[1] == null ? origin : later(extent[1], origin);
    }

    private static void measure(StepRow row, Instant[] extent) {
        for (AttemptSpan attempt : row.attempts()) {
            extent[0] = earlier(extent[0], attempt.start());
            extent[1] = later(extent[1], attempt.end().orElse(attempt.start()));
        }
        for (WaitSpan wait : row.waits()) {
            extent[0] = earlier(extent[0], wait.start());
            extent[1] = later(extent[1], wait.end().orElse(wait.start()));
        }
        for (StepRow child : row.children()) {
            measure(child, extent);
        }
    }

    private String elapsed() {
        RunTimeline current = timeline.get();
        if (current == null || current.start().isEmpty()) {
            return current != null && current.state().isTerminal() ? "did not start" : "not started yet";
        }
        Instant start = current.start().get();
        Optional<String> usually = current.estimate().map(e -> "usually " + TimelineDurations.rough(e));
        if (current.state().isTerminal()) {
            Duration took = Duration.between(start, current.end().orElse(latest));
            return "took " + TimelineDurations.clock(took) + usually.map(u -> " · " + u).orElse("");
        }
        Duration elapsed = Duration.between(start, now.get());
        StringBuilder text = new StringBuilder(TimelineDurations.clock(elapsed)).append(" elapsed");
        usually.ifPresent(u -> text.append(" · ").append(u));
        current.estimate().filter(e -> elapsed.compareTo(e) > 0).ifPresent(e -> text.append(" · ")
                .append(TimelineDurations.text(elapsed.minus(e))).append(" over"));
        return text.toString();
    }

    private static String notes(RunTimeline run) {
        StringBuilder text = new StringBuilder();
        run.rerunOf().ifPresent(original -> text.append("Re-run of ").append(original));
        for (String note : run.notes()) {
            text.append(text.length() == 0 ? "" : " · ").append(note);
        }
        return text.toString();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    // Property accessors

    /** The timeline shown; null before the first. */
    public ReadOnlyObjectProperty<RunTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** The visible rows, top to bottom; an immutable list replaced on every change. */
    public ReadOnlyObjectProperty<List<TimelineRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public List<TimelineRow> rows() {
        return rows.get();
    }

    /** The selected row; null when none. */
    public ReadOnlyObjectProperty<RowId> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Optional<RowId> selection() {
        return Optional.ofNullable(selection.get());
    }

    /** Where the now-line is. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondsPerPixelProperty() {
        return secondsPerPixel.getReadOnlyProperty();
    }

    /** Seconds from the run's start at the bar area's left edge. */
    public ReadOnlyDoubleProperty viewStartProperty() {
        return viewStart.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty viewportWidthProperty() {
        return viewportWidth.getReadOnlyProperty();
    }

    /** Whether the view keeps the now-line in sight while the run runs; the operator scrolling back clears it. */
    public BooleanProperty followNowProperty() {
        return followNow;
    }

    /** Whether the run is running (the now-line is drawn and moves). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** E.g. "12 min 04 s elapsed · usually 18 min", or "took 17 min 40 s · usually 18 min". */
    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    /** The run's notes and what it re-runs, one line; empty when none. */
    public ReadOnlyStringProperty notesTextProperty() {
        return notesText.getReadOnlyProperty();
    }

    /** Increases whenever anything drawn changes: rows, selection, scale, scroll or the now-line. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * Increases whenever the operator changes what is drawn (selection, expansion, zoom, scroll, follow, viewport
     * size), but not when the run's stream or the clock does: the view draws the former at once and may pace the
     * latter.
     */
    public long operatorRevision() {
        return operatorRevision;
    }
}
