package org.dbb.console.app.params.tools;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.params.coverage.GuidCoverageView;
import org.dbb.console.app.params.regex.RegexTesterView;

/**
 * The Parameters page with its helpers: the matrix, and a side panel with the GUID coverage list and the find
 * value tester, opened from a strip of buttons on the right edge so the matrix keeps the whole width until one is
 * wanted. Each helper reads the workspace when first opened; selecting a {@code find_replace} cell in the matrix
 * makes it the tester's entry; a save (the matrix leaving its dirty state) makes opened helpers read the file
 * again. Create and use on the FX thread.
 */
public final class ParameterToolsPanel extends BorderPane {

    /** Node ids page objects look up. */
    public static final String ID = "param-tools-page";
    public static final String TABS_ID = "param-tools";
    public static final String OPEN_COVERAGE_ID = "param-tools-open-coverage";
    public static final String OPEN_REGEX_ID = "param-tools-open-regex";
    public static final String STYLESHEET = "/org/dbb/console/app/theme/param-tools.css";

    /** Matrix cell ids: {@code cell-find_replace-3-PROD}, {@code cell-find_replace-3-_ALL_}. */
    private static final Pattern FIND_REPLACE_CELL = Pattern.compile("cell-find_replace-(\\d+)-.*");
    /** Where the divider goes when the panel opens: the matrix keeps most of the page, the panel 40%. */
    private static final double MATRIX_SHARE = 0.6;
    /** Narrowest the panel gets: both tab titles in view, the lists readable; the matrix scrolls sideways instead. */
    private static final double PANEL_MIN_WIDTH = 330;
    /** Room for the divider itself, a few pixels in both themes. */
    private static final double DIVIDER_ALLOWANCE = 8;

    private final ParameterTools tools;
    private final SplitPane split = new SplitPane();
    private final TabPane tabs = new TabPane();
    private final ToggleButton openCoverage = new ToggleButton("GUID coverage", AppIcon.SEARCH.graphic());
    private final ToggleButton openRegex = new ToggleButton("Find value tester", AppIcon.FILTER.graphic());
    /** The matrix's part of the page's width, as the divider was last left; the window's resizes keep it. */
    private double matrixShare = MATRIX_SHARE;
    private boolean coverageLoaded;
    private boolean regexLoaded;

    /**
     * @param matrix the matrix page
     * @param dirty  whether the matrix has unsaved edits; when it becomes false the file may have been saved
     * @param tools  the helpers' view models
     */
    public ParameterToolsPanel(Node matrix, ObservableBooleanValue dirty, ParameterTools tools) {
        this.tools = tools;
        setId(ID);
        getStylesheets().add(ParameterToolsPanel.class.getResource(STYLESHEET).toExternalForm());
        Tab coverage = new Tab("GUID coverage", new GuidCoverageView(tools.coverage()));
        coverage.setGraphic(AppIcon.SEARCH.graphic());
        Tab regex = new Tab("Find value tester", new RegexTesterView(tools.regex()));
        regex.setGraphic(AppIcon.FILTER.graphic());
        tabs.getTabs().addAll(coverage, regex);
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(PANEL_MIN_WIDTH);
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().add(matrix);
        setCenter(split);
        setRight(strip());
        keepShareOnResize();

        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            (now.intValue() == 0 ? openCoverage : openRegex).setSelected(true);
            loadShown();
        });
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
                if (coverageLoaded) {
                    tools.coverage().refresh();
                }
                if (regexLoaded) {
                    tools.regex().load();
                }
            }
        });
    }

    private Node strip() {
        ToggleGroup group = new ToggleGroup();
        openCoverage.setId(OPEN_COVERAGE_ID);
        openCoverage.setTooltip(new Tooltip("GUIDs in the item files that no parameter.yml entry replaces"));
        openRegex.setId(OPEN_REGEX_ID);
        openRegex.setTooltip(new Tooltip("Try a find_replace find value on the files it applies to"));
        openCoverage.setToggleGroup(group);
        openRegex.setToggleGroup(group);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                split.getItems().remove(tabs);
                return;
            }
            tabs.getSelectionModel().select(now == openCoverage ? 0 : 1);
            if (!panelShown()) {
                split.getItems().add(tabs);
                split.setDividerPositions(matrixShareAt(split.getWidth()));
            }
            loadShown();
        });
        VBox strip = new VBox(6, rotated(openCoverage), rotated(openRegex));
        strip.setPadding(new Insets(8, 2, 8, 2));
        strip.getStyleClass().add("param-tools-strip");
        return strip;
    }

    /**
     * Left alone, the split pane takes a narrower window's loss from the matrix only, down to a sliver beside a
     * wide panel; keeping the share the operator left the divider at shares the loss, each side down to its minimum.
     */
    private void keepShareOnResize() {
        split.widthProperty().addListener((obs, old, now) -> {
            if (panelShown()) {
                split.setDividerPositions(matrixShareAt(now.doubleValue()));
            }
        });
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (panelShown() && e.getTarget() instanceof Node target && onOwnDivider(target)) {
                matrixShare = split.getDividerPositions()[0];
            }
        });
    }

    /** The remembered share, less where the panel would fall under its minimum: the matrix gives way first. */
    private double matrixShareAt(double width) {
        return width <= 0 ? matrixShare : Math.min(matrixShare, (width - PANEL_MIN_WIDTH - DIVIDER_ALLOWANCE) / width);
    }

    private boolean onOwnDivider(Node target) {
        for (Node n = target; n != null && n != split; n = n.getParent()) {
            if (n.getParent() == split && n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    private boolean panelShown() {
        return split.getItems().contains(tabs);
    }

    /** A button turned to read along the right edge; the group makes layout use the turned size. */
    private static Node rotated(ToggleButton button) {
        button.setRotate(90);
        return new Group(button);
    }

    private void loadShown() {
        if (!panelShown()) {
            return;
        }
        if (tabs.getSelectionModel().getSelectedIndex() == 0 && !coverageLoaded) {
            coverageLoaded = true;
            tools.coverage().load();
        } else if (tabs.getSelectionModel().getSelectedIndex() == 1 && !regexLoaded) {
            regexLoaded = true;
            tools.regex().load();
        }
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
        }
        return Optional.empty();
    }
}
