package org.dbb.console.app.shell;

import java.util.Objects;
import java.util.Optional;

/**
 * What the window remembers between starts: the last workspace and environment, the page shown, the theme and the
 * window's place and size. Immutable.
 *
 * @param lastWorkspace   the folder of the last workspace opened, as text
 * @param lastEnvironment the environment last selected
 * @param lastPage        the id of the page last shown
 * @param theme           the colour theme
 * @param bounds          where the window was, when it was not maximised
 * @param maximized       whether it was maximised
 */
public record WindowPreferences(Optional<String> lastWorkspace, Optional<String> lastEnvironment,
        Optional<String> lastPage, Theme theme, Optional<Bounds> bounds, boolean maximized) {

    public static final WindowPreferences DEFAULTS = new WindowPreferences(Optional.empty(), Optional.empty(),
            Optional.empty(), Theme.LIGHT, Optional.empty(), false);

    public WindowPreferences {
        Objects.requireNonNull(lastWorkspace, "lastWorkspace");
        Objects.requireNonNull(lastEnvironment, "lastEnvironment");
        Objects.requireNonNull(lastPage, "lastPage");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(bounds, "bounds");
    }

    public WindowPreferences withWorkspace(String value) {
        return new WindowPreferences(Optional.of(value), lastEnvironment, lastPage, theme, bounds, maximized);
    }

    public WindowPreferences withEnvironment(String value) {
        return new WindowPreferences(lastWorkspace, Optional.ofNullable(value), lastPage, theme, bounds, maximized);
    }

    public WindowPreferences withPage(String value) {
        return new WindowPreferences(lastWorkspace, lastEnvironment, Optional.ofNullable(value), theme, bounds,
                maximized);
    }

    public WindowPreferences withTheme(Theme value) {
        return new WindowPreferences(lastWorkspace, lastEnvironment, lastPage, value, bounds, maximized);
    }

    public WindowPreferences withPlacement(Optional<Bounds> value, boolean isMaximized) {
        return new WindowPreferences(lastWorkspace, lastEnvironment, lastPage, theme, value, isMaximized);
    }

    /** A window rectangle in screen coordinates. Immutable. */
    public record Bounds(double x, double y, double width, double height) {
        public Bounds {
            if (!(width > 0 && height > 0)) {
                throw new IllegalArgumentException("a window has a positive size, not " + width + "×" + height);
            }
        }
    }
}
