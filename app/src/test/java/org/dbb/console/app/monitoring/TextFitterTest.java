package org.dbb.console.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Cell texts are cut to their column's width without a clip: whole when they fit, else ended by an ellipsis. */
@ExtendWith(ApplicationExtension.class)
class TextFitterTest {

    private static final String MESSAGE = "E19: Row 19 needs a look: value outside its threshold";

    @Start
    void start(Stage stage) {
    }

    @Test
    void aTextThatFitsIsKeptWhole() throws Exception {
        assertThat(onFx(() -> new TextFitter(Font.getDefault()).fit("Succeeded", 200))).isEqualTo("Succeeded");
    }

    @Test
    void aLongTextIsCutToTheWidthAndEndedWithAnEllipsis() throws Exception {
        for (Font font : new Font[] {Font.getDefault(), Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                Font.getDefault().getSize())}) {
            String fitted = onFx(() -> new TextFitter(font).fit(MESSAGE, 120));

            assertThat(fitted).endsWith(TextFitter.ELLIPSIS);
            assertThat(MESSAGE).startsWith(fitted.substring(0, fitted.length() - 1));
            assertThat(onFx(() -> measured(fitted, font))).isLessThanOrEqualTo(120.5);
        }
    }

    @Test
    void theSumOfTheCharactersAdvancesIsTheTextsDrawnWidth() throws Exception {
        Font font = Font.getDefault();
        double summed = onFx(() -> new TextFitter(font).width(MESSAGE));

        assertThat(summed).isCloseTo(onFx(() -> measured(MESSAGE, font)),
                org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void aColumnNarrowerThanTheEllipsisShowsNothing() throws Exception {
        assertThat(onFx(() -> new TextFitter(Font.getDefault()).fit(MESSAGE, 2))).isEmpty();
    }

    private static double measured(String text, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        return node.getLayoutBounds().getWidth();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
