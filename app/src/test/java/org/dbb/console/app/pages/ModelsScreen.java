package org.dbb.console.app.pages;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.dbb.console.app.models.ModelRow;
import org.dbb.console.app.models.ModelsView;

/** Page object for the Models page: what a test may read or do there, without knowing the layout. */
public final class ModelsScreen {

    private final FxRobot robot;

    public ModelsScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until the environment's models are listed and their history has been read. */
    public ModelsScreen waitUntilLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !table().getItems().isEmpty()
                && table().getItems().stream().noneMatch(r -> r.historyProperty().get()
                == ModelRow.HistoryState.READING)));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Types {@code text} into the search field, replacing what was there. */
    public ModelsScreen search(String text) {
        TextField field = robot.lookup("#" + ModelsView.SEARCH_ID).query();
        robot.clickOn(field);
        robot.interact(field::clear);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** The models the checklist shows, in order. */
    public List<String> shownModels() throws Exception {
        return onFx(() -> table().getItems().stream().map(ModelRow::name).toList());
    }

    /** The models whose box is ticked, in the checklist's order. */
    public List<String> selectedModels() throws Exception {
        return onFx(() -> table().getItems().stream().filter(ModelRow::isSelected).map(ModelRow::name).toList());
    }

    /** The note about the restored selection (saved models that are gone); empty when none is shown. */
    public String selectionNote() throws Exception {
        return onFx(() -> {
            Label note = robot.lookup("#" + ModelsView.SELECTION_NOTE_ID).queryAs(Label.class);
            return note.isVisible() ? note.getText() : "";
        });
    }

    public ModelsScreen selectNone() {
        robot.clickOn("#" + ModelsView.SELECT_NONE_ID);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public ModelsScreen selectAll() {
        robot.clickOn("#" + ModelsView.SELECT_ALL_ID);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Clicks the checkbox of {@code model}'s row. */
    public ModelsScreen toggle(String model) throws Exception {
        CheckBox box = onFx(() -> robot.from(table()).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof ModelRow m && m.name().equals(model))
                .map(row -> (Node) robot.from((Node) row).lookup(".check-box").query())
                .map(CheckBox.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no row for model " + model)));
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** E.g. {@code 5 of 7 models}. */
    public String selection() {
        return robot.lookup("#" + ModelsView.SELECTION_ID).queryAs(Label.class).getText();
    }

    public int cap() throws Exception {
        return onFx(() -> (int) Math.round(slider().getValue()));
    }

    public int maxCap() throws Exception {
        return onFx(() -> (int) Math.round(slider().getMax()));
    }

    /** Moves the cap slider to {@code value} from the keyboard, one step per key press, as an operator would. */
    public ModelsScreen moveCapTo(int value) throws Exception {
        robot.clickOn("#" + ModelsView.CAP_VALUE_ID);
        robot.interact(() -> slider().requestFocus());
        int steps = value - cap();
        KeyCode key = steps > 0 ? KeyCode.RIGHT : KeyCode.LEFT;
        for (int i = 0; i < Math.abs(steps); i++) {
            robot.type(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public String explanation() {
        return robot.lookup("#" + ModelsView.EXPLANATION_ID).queryAs(Label.class).getText();
    }

    public String runStatus() {
        return robot.lookup("#" + ModelsView.RUN_STATUS_ID).queryAs(Label.class).getText();
    }

    public String status() {
        return robot.lookup("#" + ModelsView.STATUS_ID).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<ModelRow> table() {
        return robot.lookup("#" + ModelsView.TABLE_ID).queryAs(TableView.class);
    }

    private Slider slider() {
        return robot.lookup("#" + ModelsView.CAP_ID).queryAs(Slider.class);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
