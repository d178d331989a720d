package org.dbb.console.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.theme.Styles;

/**
 * What the window shows instead of a stack trace when something cannot be shown: a heading, what to do, and the
 * technical detail folded away. Create on the FX thread.
 */
public final class ErrorPane extends VBox {

    public ErrorPane(String heading, String whatToDo, String detail) {
        super(10);
        Label title = new Label(heading, AppIcon.ERROR.graphic());
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Label advice = new Label(whatToDo);
        advice.setWrapText(true);
        getChildren().addAll(title, advice);
        if (!detail.isBlank()) {
            TextArea text = new TextArea(detail);
            text.setEditable(false);
            text.setWrapText(true);
            TitledPane details = new TitledPane("Details", text);
            details.setExpanded(false);
            getChildren().add(details);
        }
        setAlignment(Pos.TOP_LEFT);
        getStyleClass().add(Styles.ERROR_PANE);
    }
}
