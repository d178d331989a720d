package org.dbb.console.app.params.tools;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseEvent;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.params.coverage.GuidCoverageView;
import org.dbb.console.app.params.regex.RegexTesterView;

/**
 * The Parameters page with its helpers: the matrix on the left and, on the right, tabs for the GUID coverage list
 * and the find value tester. Selecting a {@code find_replace} cell in the matrix makes it the tester's entry; a save
 * (the matrix leaving its dirty state) makes both helpers read the file again. Create and use on the FX thread.
 */
public final class ParameterToolsPanel extends SplitPane {

    /** Node ids page objects look up. */
    public static final String TABS_ID = "param-tools";
    public static final String COVERAGE_TAB_ID = "param-tools-coverage";
    public static final String REGEX_TAB_ID = "param-tools-regex";
    public static final String STYLESHEET = "/org/dbb/console/app/theme/param-tools.css";

    /** Matrix cell ids: {@code cell-find_replace-3-PROD}, {@code cell-find_replace-3-_ALL_}. */
    private static final Pattern FIND_REPLACE_CELL = Pattern.compile("cell-find_replace-(\\d+)-.*");

    /**
     * @param matrix the matrix page
     * @param dirty  whether the matrix has unsaved edits; when it becomes false the file may have been saved
     * @param tools  the helpers' view models
     */
    public ParameterToolsPanel(Node matrix, ObservableBooleanValue dirty, ParameterTools tools) {
        getStylesheets().add(ParameterToolsPanel.class.getResource(STYLESHEET).toExternalForm());
        Tab coverage = new Tab("GUID coverage", new GuidCoverageView(tools.coverage()));
        coverage.setId(COVERAGE_TAB_ID);
        coverage.setGraphic(AppIcon.SEARCH.graphic());
        Tab regex = new Tab("Find value tester", new RegexTesterView(tools.regex()));
        regex.setId(REGEX_TAB_ID);
        regex.setGraphic(AppIcon.FILTER.graphic());
        TabPane tabs = new TabPane(coverage, regex);
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(360);
        setOrientation(Orientation.HORIZONTAL);
        getItems().addAll(matrix, tabs);
        setDividerPositions(0.58);

        matrix.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> entryUnder(e.getPickResult().getIntersectedNode())
                .ifPresent(n -> tools.regex().selectEntry(n)));
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> entryUnder(now)
                        .ifPresent(n -> tools.regex().selectEntry(n)));
            }
        });
        dirty.addListener((obs, was, now) -> {
            if (was && !now) {
                tools.coverage().refresh();
                tools.regex().load();
            }
        });
        tools.coverage().load();
        tools.regex().load();
    }

    /** The find_replace entry whose matrix cell {@code node} is in, if any. */
    private static Optional<Integer> entryUnder(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                Matcher m = FIND_REPLACE_CELL.matcher(n.getId());
                if (m.matches()) {
                    return Optional.of(Integer.parseInt(m.group(1)));
                }
            }
            if (n instanceof Parent && n.getStyleClass().contains("param-matrix")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
