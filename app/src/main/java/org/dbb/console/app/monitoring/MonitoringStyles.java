package org.dbb.console.app.monitoring;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.css.PseudoClass;

import org.dbb.console.core.monitoring.MonitoringStatus;

/**
 * The monitoring page's style classes and one pseudo-class per row status ({@code :failed}, {@code :threshold-breach},
 * …), coloured in {@code monitoring.css} with theme tokens. Constants only.
 */
public final class MonitoringStyles {

    public static final String STYLESHEET = "/org/dbb/console/app/theme/monitoring.css";

    public static final String PAGE = "monitoring-page";
    public static final String FILTER_BAR = "monitoring-filter-bar";
    public static final String PAUSED_BAR = "monitoring-paused-bar";
    public static final String STATUS_CELL = "monitoring-status";
    public static final String DETAILS = "monitoring-details";
    public static final String DETAIL_NAME = "monitoring-detail-name";
    public static final String PLACEHOLDER = "monitoring-placeholder";

    private static final Map<MonitoringStatus, PseudoClass> BY_STATUS = new EnumMap<>(MonitoringStatus.class);

    static {
        for (MonitoringStatus status : MonitoringStatus.values()) {
            BY_STATUS.put(status, PseudoClass.getPseudoClass(status.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-')));
        }
    }

    private MonitoringStyles() {
    }

    /** The pseudo-class of {@code status}, e.g. {@code :timed-out} for {@link MonitoringStatus#TIMED_OUT}. */
    public static PseudoClass of(MonitoringStatus status) {
        return BY_STATUS.get(status);
    }
}
