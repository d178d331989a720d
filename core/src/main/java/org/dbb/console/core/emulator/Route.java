package org.dbb.console.core.emulator;

import java.util.List;

/**
 * One served route: method and path template (e.g. {@code /v1/workspaces/{workspaceId}}). Immutable.
 *
 * @param method   the HTTP method
 * @param template the path template
 * @param surface  the service it imitates
 * @param handler  what answers it
 */
record Route(String method, String template, Surface surface, RouteHandler handler) {

    /** The route key used in stats and scenario files: {@code METHOD /template}. */
    String key() {
        return method + " " + template;
    }

    List<String> segments() {
        return Router.split(template);
    }
}
