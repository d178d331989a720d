package org.dbb.console.app.timeline;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StepRow;

/**
 * A run's stage timeline with the selected row's detail below it and a toolbar (zoom, fit, follow now, expand and
 * collapse all, elapsed time), for the Runs page to embed. Feed it with {@link #show}. Create and use on the FX
 * thread.
 */
public final class TimelinePane extends BorderPane {

    /** Node ids that page objects in tests look up. */
    public static final String ZOOM_IN_ID = "timeline-zoom-in";
    public static final String ZOOM_OUT_ID = "timeline-zoom-out";
    public static final String FIT_ID = "timeline-fit";
    public static final String FOLLOW_ID = "timeline-follow";
    public static final String EXPAND_ALL_ID = "timeline-expand-all";
    public static final String COLLAPSE_ALL_ID = "timeline-collapse-all";
    public static final String ELAPSED_ID = "timeline-elapsed";
    public static final String NOTES_ID = "timeline-notes";

    private final TimelineViewModel timeline;
    private final StepDetailViewModel detail;
    private final TimelineView timelineView;
    private final StepDetailView detailView;

    public TimelinePane(TimelineViewModel timeline, StepDetailViewModel detail) {
        this.timeline = timeline;
        this.detail = detail;
        this.timelineView = new TimelineView(timeline);
        this.detailView = new StepDetailView(detail);
        getStylesheets().add(TimelinePane.class.getResource(TimelineStyles.STYLESHEET).toExternalForm());

        Label notes = new Label();
        notes.setId(NOTES_ID);
        notes.getStyleClass().add(TimelineStyles.NOTES);
        notes.setMaxWidth(Double.MAX_VALUE);
        notes.setWrapText(true);
        notes.textProperty().bind(timeline.notesTextProperty());
        notes.visibleProperty().bind(timeline.notesTextProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        setTop(new VBox(toolbar(), notes));

        SplitPane split = new SplitPane(timelineView, detailView);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);

        timeline.timelineProperty().addListener((obs, old, run) -> showDetail());
        timeline.selectionProperty().addListener((obs, old, row) -> showDetail());
        // Once a second while the run runs: running attempts and open waits in the detail count up with it.
        timeline.elapsedTextProperty().addListener((obs, old, text) -> detail.refresh());
    }

    /**
     * A pane whose portal links come from {@code portalLinks} and open through {@code links}, copying to the system
     * clipboard.
     */
    public static TimelinePane create(Clock clock, Function<StepRow, Optional<URI>> portalLinks, LinkOpener links) {
        return new TimelinePane(new TimelineViewModel(clock),
                new StepDetailViewModel(clock, portalLinks, links, new SystemTextClipboard()));
    }

    /** Shows {@code run}, keeping expansion, selection and zoom when it is an update of the run shown. */
    public void show(RunTimeline run) {
        if (run != null) {
            timeline.setTimeline(run);
        }
    }

    private void showDetail() {
        detail.show(timeline.timelineProperty().get(), timeline.selectionProperty().get());
    }

    private ToolBar toolbar() {
        Button zoomOut = button(ZOOM_OUT_ID, AppIcon.ZOOM_OUT, "Zoom out (−)");
        zoomOut.setOnAction(e -> timeline.zoomOut());
        Button zoomIn = button(ZOOM_IN_ID, AppIcon.ZOOM_IN, "Zoom in (+, or Ctrl + mouse wheel)");
        zoomIn.setOnAction(e -> timeline.zoomIn());
        Button fit = button(FIT_ID, AppIcon.ZOOM_FIT, "Fit the whole run (0)");
        fit.setOnAction(e -> timeline.fitToRun());
        ToggleButton follow = new ToggleButton("Follow now", AppIcon.FOLLOW_NOW.graphic());
        follow.setId(FOLLOW_ID);
        follow.setTooltip(new Tooltip("Keep the now-line in view while the run runs; scrolling back stops it"));
        follow.selectedProperty().bindBidirectional(timeline.followNowProperty());
        follow.disableProperty().bind(timeline.runningProperty().not());
        Button expandAll = button(EXPAND_ALL_ID, AppIcon.EXPAND_ALL, "Expand every stage, fan-out and child run");
        expandAll.setText("Expand all");
        expandAll.setOnAction(e -> timeline.expandAll());
        Button collapseAll = button(COLLAPSE_ALL_ID, AppIcon.COLLAPSE_ALL, "Collapse to one row per stage");
        collapseAll.setText("Collapse all");
        collapseAll.setOnAction(e -> timeline.collapseAll());

        Label elapsed = new Label();
        elapsed.setId(ELAPSED_ID);
        elapsed.getStyleClass().add(TimelineStyles.ELAPSED);
        elapsed.textProperty().bind(timeline.elapsedTextProperty());
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToolBar bar = new ToolBar(zoomOut, zoomIn, fit, new Separator(Orientation.VERTICAL), follow,
                new Separator(Orientation.VERTICAL), expandAll, collapseAll, spacer, elapsed);
        bar.getStyleClass().add(TimelineStyles.TOOLBAR);
        return bar;
    }

    private static Button button(String id, AppIcon icon, String tip) {
        Button button = new Button(null, icon.graphic());
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    public TimelineView timelineView() {
        return timelineView;
    }

    public StepDetailView detailView() {
        return detailView;
    }
}
