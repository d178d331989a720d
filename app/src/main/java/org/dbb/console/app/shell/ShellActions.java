package org.dbb.console.app.shell;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What each keyboard shortcut does: pages register their handlers (the Runs page for launch, cancel and re-run;
 * any page for find), and the shell dispatches a pressed shortcut to the handler of the page shown, else to the
 * page that registered it, which it then shows. (Find, Ctrl+F, belongs to each page's own view.) Use on the FX
 * thread.
 */
public final class ShellActions {

    /** A handler and the page it belongs to. Immutable. */
    public record Handler(String pageId, Runnable action) {
        public Handler {
            Objects.requireNonNull(pageId, "pageId");
            Objects.requireNonNull(action, "action");
        }
    }

    private final Map<ShellShortcut, Map<String, Runnable>> handlers = new EnumMap<>(ShellShortcut.class);

    /** {@code action} runs when {@code shortcut} is pressed on page {@code pageId} (or anywhere, if no other page has one). */
    public void register(ShellShortcut shortcut, String pageId, Runnable action) {
        handlers.computeIfAbsent(shortcut, s -> new HashMap<>()).put(pageId, action);
    }

    /** The handler for {@code shortcut} while {@code currentPage} is shown. */
    public Optional<Handler> handlerFor(ShellShortcut shortcut, String currentPage) {
        Map<String, Runnable> byPage = handlers.getOrDefault(shortcut, Map.of());
        Runnable here = byPage.get(currentPage);
        if (here != null) {
            return Optional.of(new Handler(currentPage, here));
        }
        return byPage.entrySet().stream().findFirst().map(e -> new Handler(e.getKey(), e.getValue()));
    }
}
