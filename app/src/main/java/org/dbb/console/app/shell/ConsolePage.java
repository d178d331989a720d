package org.dbb.console.app.shell;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;

import org.dbb.console.app.icons.AppIcon;

/**
 * One page of the console window's navigation (Overview, Runs, Monitoring, Retry policies, …): its id for tests and
 * shortcuts, its title, its icon and the view, created on first show. Immutable; create views on the FX thread.
 *
 * @param id    stable id, also the node id of its navigation entry ({@code page-runs})
 * @param title what the navigation shows
 * @param icon  the navigation icon
 * @param view  creates the page's view, once, on the FX thread
 */
public record ConsolePage(String id, String title, AppIcon icon, Supplier<Node> view) {

    public ConsolePage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(view, "view");
    }
}
