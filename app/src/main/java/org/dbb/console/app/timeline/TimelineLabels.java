package org.dbb.console.app.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.core.engine.StepState;

/**
 * The label column left of the bars: a header over the axis and one cell per row in view (indentation, expand
 * arrow, state icon, name, nested-row count, retry and reuse marks). Cells are real nodes (styled by CSS, icons from
 * {@link AppIcon}, readable by screen readers and tests), but only as many as fit the height exist; they are re-bound
 * as the rows scroll by, exactly in step with the bars' canvas. Use on the FX thread.
 */
final class TimelineLabels extends Region {

    private static final double INDENT = 16;

    private final Label header = new Label("Stage / step");
    private final List<Cell> cells = new ArrayList<>();
    private final Consumer<Integer> onSelect;
    private final Consumer<Integer> onToggle;
    private List<TimelineRow> rows = List.of();
    private double scrollY;
    private int selected = -1;

    /**
     * @param onSelect called with the row index an operator clicked
     * @param onToggle called with the row index whose arrow was clicked or that was double-clicked
     */
    TimelineLabels(Consumer<Integer> onSelect, Consumer<Integer> onToggle) {
        this.onSelect = onSelect;
        this.onToggle = onToggle;
        getStyleClass().add(TimelineStyles.LABELS);
        header.getStyleClass().add(TimelineStyles.LABELS_HEADER);
        header.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(header);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinWidth(120);
    }

    /** Shows {@code visibleRows} scrolled by {@code offset} pixels, marking row {@code selectedIndex}. */
    void show(List<TimelineRow> visibleRows, double offset, int selectedIndex) {
        rows = visibleRows;
        scrollY = offset;
        selected = selectedIndex;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        header.resizeRelocate(0, 0, width, TimelineChart.AXIS_HEIGHT);
        double rowArea = Math.max(0, getHeight() - TimelineChart.AXIS_HEIGHT);
        int first = Math.max(0, (int) Math.floor(scrollY / TimelineChart.ROW_HEIGHT));
        int count = Math.max(0, Math.min(rows.size() - first,
                (int) Math.ceil(rowArea / TimelineChart.ROW_HEIGHT) + 1));
        while (cells.size() < count) {
            Cell cell = new Cell();
            cells.add(cell);
            getChildren().add(cell);
        }
        for (int k = 0; k < cells.size(); k++) {
            Cell cell = cells.get(k);
            if (k < count) {
                int index = first + k;
                cell.bind(index, rows.get(index), index == selected);
                cell.setVisible(true);
                double y = TimelineChart.AXIS_HEIGHT + index * TimelineChart.ROW_HEIGHT - scrollY;
                cell.resizeRelocate(0, y, width, TimelineChart.ROW_HEIGHT);
            } else {
                cell.setVisible(false);
            }
        }
        // The header stays above cells scrolled up under it.
        header.toFront();
    }

    /**
     * One row's label; re-bound to another row as the view scrolls. Laid out by hand so the name keeps its width
     * and the nested-row count gives way first (and disappears when fewer than {@link #MIN_SUMMARY} pixels remain).
     */
    final class Cell extends Region {

        private static final double GAP = 4;
        private static final double MIN_SUMMARY = 48;

        private final Label arrow = new Label();
        private final Label stateIcon = new Label();
        private final Label name = new Label();
        private final Label summary = new Label();
        private final Label retries = new Label();
        private final Label reused = new Label(null, AppIcon.REUSED.graphic());
        private final Tooltip nameTip = new Tooltip();
        private final Tooltip summaryTip = new Tooltip();
        private final Tooltip retryTip = new Tooltip();
        private final Tooltip reusedTip = new Tooltip();
        private int index = -1;
        private TimelineRow row;
        private boolean isSelected;
        private StepState iconState;
        private Boolean arrowExpanded;
        private double indentWidth;

        Cell() {
            getStyleClass().add(TimelineStyles.LABEL_CELL);
            arrow.getStyleClass().add(TimelineStyles.ROW_ARROW);
            stateIcon.getStyleClass().add(TimelineStyles.STATE_ICON);
            name.getStyleClass().add(TimelineStyles.ROW_NAME);
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            name.setTooltip(nameTip);
            summary.getStyleClass().add(TimelineStyles.ROW_SUMMARY);
            summary.setTooltip(summaryTip);
            retries.getStyleClass().add(TimelineStyles.RETRY_MARK);
            retries.setTooltip(retryTip);
            reused.getStyleClass().add(TimelineStyles.REUSED_MARK);
            reused.setTooltip(reusedTip);
            getChildren().addAll(arrow, stateIcon, name, summary, retries, reused);
            arrow.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && row != null && row.expandable()) {
                    onToggle.accept(index);
                    e.consume();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY || index < 0) {
                    return;
                }
                onSelect.accept(index);
                if (e.getClickCount() == 2 && row.expandable()) {
                    onToggle.accept(index);
                }
            });
        }

        @Override
        protected void layoutChildren() {
            Insets pad = getInsets();
            double height = getHeight() - pad.getTop() - pad.getBottom();
            double x = pad.getLeft() + indentWidth;
            double right = getWidth() - pad.getRight();
            x = place(arrow, x, 16, height);
            x = place(stateIcon, x, stateIcon.prefWidth(-1), height);
            for (Label mark : new Label[] {reused, retries}) {
                if (mark.isVisible()) {
                    double w = mark.prefWidth(-1);
                    right -= w;
                    place(mark, right, w, height);
                    right -= GAP;
                }
            }
            double room = Math.max(0, right - x);
            double nameWidth = Math.min(name.prefWidth(-1), room);
            place(name, x, nameWidth, height);
            double summaryRoom = room - nameWidth - 2 * GAP;
            boolean showSummary = summaryRoom >= MIN_SUMMARY && !summary.getText().isEmpty();
            summary.setVisible(showSummary);
            if (showSummary) {
                double w = Math.min(summary.prefWidth(-1), summaryRoom);
                place(summary, right - w, w, height);
            }
        }

        private double place(Label label, double x, double width, double height) {
            label.resizeRelocate(snapPositionX(x), snapPositionY(getInsets().getTop()
                    + (height - label.prefHeight(width)) / 2), snapSizeX(width), snapSizeY(label.prefHeight(width)));
            return x + width + GAP;
        }

        void bind(int rowIndex, TimelineRow next, boolean selectedNow) {
            index = rowIndex;
            if (next.equals(row) && selectedNow == isSelected) {
                return;
            }
            row = next;
            isSelected = selectedNow;
            indentWidth = Math.max(0, next.depth() - 1) * INDENT + (next.isStage() ? 0 : 4);
            if (!next.expandable()) {
                arrow.setGraphic(null);
                arrowExpanded = null;
            } else if (!Boolean.valueOf(next.expanded()).equals(arrowExpanded)) {
                arrow.setGraphic((next.expanded() ? AppIcon.ROW_EXPANDED : AppIcon.ROW_COLLAPSED).graphic());
                arrowExpanded = next.expanded();
            }
            if (next.state() != iconState) {
                stateIcon.setGraphic(TimelineStyles.icon(next.state()).graphic());
                iconState = next.state();
            }
            name.setText(next.label());
            nameTip.setText(next.label() + (next.isStage() ? "" : " · " + next.type()) + " · "
                    + HoverTexts.word(next.state()));
            summary.setText(next.summary());
            summaryTip.setText(next.summary());
            boolean retried = next.retries() > 0;
            retries.setText(retried ? "↻" + next.retries() : "");
            retryTip.setText(next.retries() + (next.retries() == 1 ? " retry · " : " retries · ")
                    + (next.retries() + 1) + " attempts");
            retries.setVisible(retried);
            reused.setVisible(next.reusedFrom().isPresent());
            reusedTip.setText(next.reusedFrom().map(run -> "reused from run " + run).orElse(""));
            TimelineStyles.showState(this, next.state());
            pseudoClassStateChanged(TimelineStyles.STAGE, next.isStage());
            pseudoClassStateChanged(TimelineStyles.SELECTED, selectedNow);
            requestLayout();
        }

        /** The row this cell shows now. */
        TimelineRow row() {
            return row;
        }
    }
}
