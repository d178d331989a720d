package org.dbb.console.app.pages;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.launch.PlanNode;

/** What the launch and re-run page objects share: looking nodes up and reading them on the FX thread. */
final class DialogLookups {

    static final String TREE = "#plan-tree";
    static final String PROBLEMS = "#plan-problems";
    static final String PROGRESS = "#preview-progress";
    static final String SUMMARY = "#preview-summary";

    private final FxRobot robot;

    DialogLookups(FxRobot robot) {
        this.robot = robot;
    }

    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the dialog on the FX thread", e);
        }
    }

    void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("the dialog did not get there in 60 s; it says: " + onFx(() -> robot
                    .lookup(".label").queryAll().stream().filter(Node::isVisible).map(n -> ((Label) n).getText())
                    .filter(t -> t != null && !t.isBlank()).toList()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    Optional<Node> find(String query) {
        return robot.lookup(query).tryQuery();
    }

    <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    boolean present(String query) {
        return onFx(() -> find(query).filter(Node::isVisible).isPresent());
    }

    boolean enabled(String buttonQuery) {
        return onFx(() -> !this.<Button>node(buttonQuery).isDisabled());
    }

    String text(String labelQuery) {
        return onFx(() -> {
            Label label = node(labelQuery);
            return label.isVisible() ? label.getText() : "";
        });
    }

    /**
     * Replaces the text of a field as an operator pasting it does: click into it, select all, paste. Key-by-key
     * typing costs a round trip to the FX thread per character, which a loaded machine makes very slow.
     */
    void type(String fieldQuery, String text) {
        TextField field = node(fieldQuery);
        robot.clickOn(field);
        robot.interact(() -> {
            field.selectAll();
            field.replaceSelection(text);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void click(String query) {
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The top rows of the plan tree: {@code label — detail}. */
    List<String> stages() {
        return onFx(() -> {
            TreeTableView<PlanNode> tree = node(TREE);
            return tree.getRoot().getChildren().stream().map(TreeItem::getValue)
                    .map(n -> n.label() + " — " + n.detail()).toList();
        });
    }

    /** Waits until the preview shows a plan (its summary line) or problems. */
    void waitForPreview() {
        waitFor(() -> present(SUMMARY) || present(PROBLEMS));
    }
}
