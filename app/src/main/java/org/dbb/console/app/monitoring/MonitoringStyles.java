package org.dbb.console.app.monitoring;

/**
 * The monitoring page's style classes, styled in {@code monitoring.css} with theme tokens (the grid's status colours
 * included). Constants only.
 */
public final class MonitoringStyles {

    public static final String STYLESHEET = "/org/dbb/console/app/theme/monitoring.css";

    public static final String PAGE = "monitoring-page";
    public static final String FILTER_BAR = "monitoring-filter-bar";
    public static final String PAUSED_BAR = "monitoring-paused-bar";
    public static final String DETAILS = "monitoring-details";
    public static final String DETAIL_NAME = "monitoring-detail-name";
    public static final String PLACEHOLDER = "monitoring-placeholder";
    public static final String PLACEHOLDER_LAYER = "monitoring-placeholder-layer";
    public static final String GRID = "monitoring-grid";

    private MonitoringStyles() {
    }
}
