package org.dbb.console.app.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.layout.Region;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Layout arithmetic of the wrapping toolbar; nodes are made and laid out on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class WrappingToolbarTest {

    private static final double GAP = 8;
    private static final double ROW_HEIGHT = 30;

    @Test
    void asksForNoMoreThanItsWidestItemButPrefersAllItemsOnOneRow() throws Exception {
        List<Double> widths = onFx(() -> {
            WrappingToolbar bar = bar(item(100, 100), item(60, 200), item(150, 150));
            return List.of(bar.minWidth(-1), bar.prefWidth(-1));
        });

        assertThat(widths).containsExactly(150.0, 100 + 200 + 150 + 2 * GAP);
    }

    @Test
    void startsANewRowWithTheFirstItemWhoseMinimumNoLongerFits() throws Exception {
        List<Double> laidOut = onFx(() -> {
            Region a = item(100, 100);
            Region b = item(60, 200);
            Region c = item(150, 150);
            WrappingToolbar bar = bar(a, b, c);
            bar.resize(200, bar.prefHeight(200));
            bar.layout();
            return List.of(bar.prefHeight(200), a.getLayoutY(), b.getLayoutX(), b.getWidth(), c.getLayoutY());
        });

        // a and b share the first row, b squeezed to the room left (200 - 100 - gap); c starts the second row.
        assertThat(laidOut).containsExactly(2 * ROW_HEIGHT + GAP, 0.0, 100 + GAP, 200 - 100 - GAP,
                ROW_HEIGHT + GAP);
    }

    @Test
    void aFillerTakesTheRoomItsRowLeavesAfterTheOthersGetTheirPreferredWidths() throws Exception {
        List<Double> laidOut = onFx(() -> {
            Region text = item(90, 150);
            Region button = item(80, 80);
            WrappingToolbar bar = bar(text, button);
            bar.fillRow(text);
            bar.resize(600, bar.prefHeight(600));
            bar.layout();
            return List.of(text.getWidth(), button.getLayoutX(), button.getWidth(), bar.prefHeight(600));
        });

        assertThat(laidOut).containsExactly(600 - 80 - GAP, 600 - 80.0, 80.0, ROW_HEIGHT);
    }

    private static WrappingToolbar bar(Region... items) {
        WrappingToolbar bar = new WrappingToolbar(GAP, GAP);
        bar.getChildren().addAll(items);
        return bar;
    }

    private static Region item(double min, double pref) {
        Region item = new Region();
        item.setMinWidth(min);
        item.setPrefWidth(pref);
        item.setMaxWidth(Double.MAX_VALUE);
        item.setPrefHeight(ROW_HEIGHT);
        return item;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
