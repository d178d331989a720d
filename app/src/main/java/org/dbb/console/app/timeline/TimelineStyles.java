package org.dbb.console.app.timeline;

import java.util.EnumMap;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.scene.Node;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.core.engine.StepState;

/**
 * The timeline's stylesheet, style classes and state pseudo-classes, so CSS and code agree; and the icon of each step
 * state. Constants only; {@link #showState} must be called on the FX thread.
 */
public final class TimelineStyles {

    public static final String STYLESHEET = "/org/dbb/console/app/theme/timeline.css";

    public static final String TIMELINE = "timeline-view";
    public static final String CHART = "timeline-chart";
    public static final String LABELS = "timeline-labels";
    public static final String LABELS_HEADER = "timeline-labels-header";
    public static final String LABEL_CELL = "timeline-label-cell";
    public static final String ROW_ARROW = "row-arrow";
    public static final String ROW_NAME = "row-name";
    public static final String ROW_SUMMARY = "row-summary";
    public static final String RETRY_MARK = "retry-mark";
    public static final String REUSED_MARK = "reused-mark";
    public static final String STATE_ICON = "state-icon";
    public static final String TOOLBAR = "timeline-toolbar";
    public static final String ELAPSED = "timeline-elapsed";
    public static final String NOTES = "timeline-notes";
    public static final String DETAIL = "step-detail";
    public static final String DETAIL_TITLE = "step-detail-title";
    public static final String DETAIL_SUBTITLE = "step-detail-subtitle";
    public static final String DETAIL_SECTION = "step-detail-section";
    public static final String DETAIL_FIELD = "step-detail-field";
    public static final String DETAIL_ERROR = "step-detail-error";
    public static final String DETAIL_PLACEHOLDER = "step-detail-placeholder";
    public static final String STATE_CHIP = "state-chip";

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass STAGE = PseudoClass.getPseudoClass("stage");

    private static final Map<StepState, PseudoClass> STATES = new EnumMap<>(StepState.class);

    static {
        for (StepState state : StepState.values()) {
            STATES.put(state, PseudoClass.getPseudoClass(state.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private TimelineStyles() {
    }

    /** Sets exactly the pseudo-class of {@code state} ({@code :failed}, {@code :running}, …) on {@code node}. */
    public static void showState(Node node, StepState state) {
        STATES.forEach((s, pseudoClass) -> node.pseudoClassStateChanged(pseudoClass, s == state));
    }

    /** The icon a step or stage in {@code state} shows. */
    public static AppIcon icon(StepState state) {
        return switch (state) {
            case PENDING -> AppIcon.STEP_PENDING;
            case WAITING -> AppIcon.WAITING;
            case RUNNING -> AppIcon.STEP_RUNNING;
            case SUCCEEDED -> AppIcon.OK;
            case FAILED -> AppIcon.ERROR;
            case SKIPPED -> AppIcon.STEP_SKIPPED;
            case CANCELLED -> AppIcon.STEP_CANCELLED;
        };
    }
}
