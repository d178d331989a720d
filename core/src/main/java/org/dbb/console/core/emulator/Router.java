package org.dbb.console.core.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches request paths to route templates. Literal segments compare without case (Fabric accepts
 * {@code dataPipelines} and {@code datapipelines}); when several templates match, the one with more literal
 * segments wins. Built once, then only read: thread-safe after construction.
 */
final class Router {

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Surface surface, RouteHandler handler) {
        routes.add(new Route(method, template, surface, handler));
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The route for this method and path, with its parameter values. */
    Optional<Match> match(String method, String path) {
        List<String> actual = split(path);
        Match best = null;
        int bestScore = -1;
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> params = bind(route.segments(), actual);
            if (params.isPresent()) {
                int score = literalCount(route.segments());
                if (score > bestScore) {
                    best = new Match(route, params.get());
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The methods some route serves on this path, for a 405 answer. */
    List<String> methodsFor(String path) {
        List<String> actual = split(path);
        return routes.stream().filter(r -> bind(r.segments(), actual).isPresent()).map(Route::method).distinct()
                .toList();
    }

    static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<Map<String, String>> bind(List<String> template, List<String> actual) {
        if (template.size() != actual.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String a = actual.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), a);
            } else if (!t.equalsIgnoreCase(a)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static int literalCount(List<String> segments) {
        return (int) segments.stream().filter(s -> !s.startsWith("{")).count();
    }

    /** A matched route and the values of its placeholders. Immutable. */
    record Match(Route route, Map<String, String> params) {
        Match {
            params = Map.copyOf(params);
        }
    }
}
