package org.dbb.console.app.theme;

import javafx.css.PseudoClass;

/** Style classes and pseudo-classes the views use, in one place so CSS and code agree. Constants only. */
public final class Styles {

    public static final String STYLESHEET = "/org/dbb/console/app/theme/console.css";

    public static final String HEADER = "console-header";
    public static final String TITLE = "console-title";
    public static final String SUBTITLE = "console-subtitle";
    public static final String STATUS_BAR = "status-bar";
    public static final String SECTION_TITLE = "section-title";
    public static final String ERROR_PANE = "error-pane";
    public static final String BADGE = "badge";

    public static final PseudoClass PROTECTED = PseudoClass.getPseudoClass("protected");
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private Styles() {
    }
}
