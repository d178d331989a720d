package org.dbb.console.app.bench;

import java.lang.reflect.Method;
import java.util.Arrays;

import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Runs another main class and, when its first window has been shown and laid out for its first frame, prints
 * {@value #SHOWN} on standard output and halts the JVM: how {@link StartupBenchmark} sees a child process reach
 * its first window. Usage: {@code FirstWindowProbe MAIN_CLASS [ARGS…]}.
 */
public final class FirstWindowProbe {

    /** The line printed once the first window is on screen. */
    public static final String SHOWN = "first-window-shown";

    private FirstWindowProbe() {
    }

    public static void main(String[] args) throws Exception {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(FirstWindowProbe::watch);
            }
        });
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void watch(Window window) {
        EventHandler<WindowEvent> shown = event -> afterNextLayout(window.getScene());
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, shown);
        if (window.isShowing()) {
            afterNextLayout(window.getScene());
        }
    }

    private static void afterNextLayout(Scene scene) {
        scene.addPostLayoutPulseListener(() -> {
            System.out.println(SHOWN);
            System.out.flush();
            Runtime.getRuntime().halt(0);
        });
    }
}
