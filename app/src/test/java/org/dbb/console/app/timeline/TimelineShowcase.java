package org.dbb.console.app.timeline;

import java.net.URI;
import java.util.Optional;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.dbb.console.app.theme.Styles;
import org.dbb.console.core.engine.StepKey;

/**
 * Shows the timeline pane with the sample run, for looking at it by eye and for screenshots in both themes:
 * {@code java … TimelineShowcase dark}. The clock stands still at 12 min 04 s into the run.
 */
public final class TimelineShowcase {

    private TimelineShowcase() {
    }

    /** Launched through {@link TimelineShowcase#main}: the JDK refuses to start an Application class directly. */
    public static final class Window extends Application {

    @Override
    public void start(Stage stage) {
        boolean dark = getParameters().getRaw().contains("dark");
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        MutableClock clock = new MutableClock(TimelineSamples.T0.plus(TimelineSamples.NOW));
        TimelinePane pane = TimelinePane.create(clock,
                step -> step.itemId().map(id -> URI.create("https://app.fabric.microsoft.com/groups/ws-dev-0001/"
                        + "items/" + id)), link -> { });
        pane.show(TimelineSamples.running(24));
        TimelineViewModel model = pane.timelineView().model();
        model.expand(RowId.step(TimelineSamples.REFRESH));
        if (getParameters().getRaw().contains("fanout")) {
            model.expand(RowId.step(TimelineSamples.COPY_TABLES));
        }
        var args = getParameters().getRaw();
        model.select(args.contains("transform") ? TimelineSamples.TRANSFORM
                : args.contains("integration") ? StepKey.of(TimelineSamples.INTEGRATION, "Run integration pipeline")
                : args.contains("monitoring") ? StepKey.of(TimelineSamples.MONITORING, "Check load completeness")
                : TimelineSamples.FINANCE);
        Scene scene = new Scene(pane, 1500, 940);
        scene.getStylesheets().add(TimelineShowcase.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Timeline — " + (dark ? "dark" : "light"));
        stage.show();
    }

    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }
}
