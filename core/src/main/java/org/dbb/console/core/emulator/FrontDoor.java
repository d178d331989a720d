package org.dbb.console.core.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.emulator.scenario.FaultKind;
import org.dbb.console.core.emulator.scenario.RouteFault;
import org.dbb.console.core.emulator.scenario.Scenario;

/**
 * Takes every HTTP exchange: routes it, counts it, applies scripted faults and the token check, runs the handler
 * under the state lock and writes the answer with the service's headers. Runs on the injected handler executor;
 * delayed answers are scheduled, never slept on. Thread-safe.
 */
final class FrontDoor implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final DateTimeFormatter BLOCKED_UNTIL =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private final Router router;
    private final Object stateLock;
    private final RequestCounter counter;
    private final TokenGate tokens;
    private final Scenario scenario;
    private final Clock clock;
    private final Executor handlerExecutor;
    private final ScheduledExecutorService scheduler;
    private final Supplier<UUID> ids;
    private final Supplier<String> baseUrl;
    private final Consumer<Instant> catchUp;

    FrontDoor(Router router, Object stateLock, RequestCounter counter, TokenGate tokens, Scenario scenario,
              Clock clock, Executor handlerExecutor, ScheduledExecutorService scheduler, Supplier<UUID> ids,
              Supplier<String> baseUrl, Consumer<Instant> catchUp) {
        this.router = router;
        this.stateLock = stateLock;
        this.counter = counter;
        this.tokens = tokens;
        this.scenario = scenario;
        this.clock = clock;
        this.handlerExecutor = handlerExecutor;
        this.scheduler = scheduler;
        this.ids = ids;
        this.baseUrl = baseUrl;
        this.catchUp = catchUp;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            String path = uri.getPath() == null ? "/" : uri.getPath();
            ApiRequest request = new ApiRequest(method, path, query(uri.getRawQuery()), headers(exchange), body,
                    baseUrl.get(), Map.of(), ids.get().toString(), clock.instant());
            Optional<Router.Match> match = router.match(method, path);
            if (match.isEmpty()) {
                counter.next("unmatched");
                write(exchange, unmatched(request), surfaceOf(path));
                return;
            }
            Route route = match.get().route();
            long number = counter.next(route.key());
            List<RouteFault> faults = scenario.faults().stream()
                    .filter(f -> f.route().equals(route.key()) && f.hits(number)).toList();
            long delay = faults.stream().filter(f -> f.kind() == FaultKind.SLOW).mapToLong(RouteFault::delayMillis)
                    .sum();
            ApiRequest bound = request.withPathParams(match.get().params());
            if (delay > 0) {
                scheduler.schedule(() -> later(exchange, route, bound, faults), delay, TimeUnit.MILLISECONDS);
            } else {
                answer(exchange, route, bound, faults);
            }
        } catch (IOException e) {
            LOG.debug("emulator request could not be read", e);
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("emulator request failed", e);
            exchange.close();
        }
    }

    private void later(HttpExchange exchange, Route route, ApiRequest request, List<RouteFault> faults) {
        try {
            handlerExecutor.execute(() -> answer(exchange, route, request, faults));
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, Route route, ApiRequest request, List<RouteFault> faults) {
        Instant now = clock.instant();
        ApiRequest at = request.at(now);
        if (faults.stream().anyMatch(f -> f.kind() == FaultKind.DROP)) {
            // Closing before any header is sent makes the server drop the connection without an answer.
            exchange.close();
            return;
        }
        ApiResponse response;
        try {
            response = respond(route, at, faults, now);
        } catch (ApiError e) {
            response = ErrorBodies.render(route.surface(), e, at.requestId());
        } catch (RuntimeException e) {
            LOG.warn("emulator handler for {} failed", route.key(), e);
            response = ErrorBodies.render(route.surface(), new ApiError(500, "InternalServerError",
                    "The emulator failed to answer: " + e.getClass().getSimpleName()), at.requestId());
        }
        try {
            write(exchange, response.withHeader("RequestId", at.requestId()), route.surface());
        } catch (IOException e) {
            LOG.debug("emulator answer could not be written", e);
            exchange.close();
        }
    }

    private ApiResponse respond(Route route, ApiRequest request, List<RouteFault> faults, Instant now) {
        if (route.surface() != Surface.EMULATOR) {
            Optional<ApiError> refused = tokens.check(route.surface(), request.header("Authorization"), now);
            if (refused.isPresent()) {
                throw refused.get();
            }
        }
        for (RouteFault fault : faults) {
            if (fault.kind() == FaultKind.THROTTLE) {
                throw throttled(route.surface(), fault, now);
            }
            if (fault.kind() == FaultKind.SERVER_ERROR) {
                throw serverError(route.surface(), fault.status());
            }
        }
        synchronized (stateLock) {
            // Read the clock under the lock, so requests change the state in the order of their times.
            Instant at = clock.instant();
            catchUp.accept(at);
            return route.handler().handle(request.at(at));
        }
    }

    private ApiError throttled(Surface surface, RouteFault fault, Instant now) {
        long seconds = scenario.retryAfterSeconds(fault.retryAfterSeconds());
        Map<String, String> headers = Map.of("Retry-After", Long.toString(seconds));
        return switch (surface) {
            case POWER_BI -> new ApiError(429, "TooManyRequests",
                    "You have exceeded the amount of requests allowed in the current time frame and further"
                            + " requests will fail. Retry in " + seconds + " seconds.", headers);
            case DEVOPS -> new ApiError(429, "RequestBlockedException", "Request was blocked due to exceeding"
                    + " usage of resource 'ATCPU' in namespace 'User'.", headers);
            default -> new ApiError(429, "RequestBlocked", "Request is blocked by the upstream service until: "
                    + BLOCKED_UNTIL.format(now.plusSeconds(seconds)) + " (UTC)", headers);
        };
    }

    private static ApiError serverError(Surface surface, int status) {
        String code = status == 503 ? "ServiceUnavailable" : status == 504 ? "GatewayTimeout" : "InternalServerError";
        String message = status == 503 ? "The service is temporarily unavailable. Please retry later."
                : "An internal error occurred. Please retry later.";
        return new ApiError(status, surface == Surface.DEVOPS ? code + "Exception" : code, message);
    }

    private ApiResponse unmatched(ApiRequest request) {
        Surface surface = surfaceOf(request.path());
        List<String> methods = router.methodsFor(request.path());
        if (!methods.isEmpty()) {
            ApiResponse r = ErrorBodies.render(surface, new ApiError(405, "MethodNotAllowed", "The method "
                    + request.method() + " is not allowed on this path; use " + String.join(" or ", methods) + "."),
                    request.requestId());
            return r.withHeader("Allow", String.join(", ", methods)).withHeader("RequestId", request.requestId());
        }
        return ErrorBodies.render(surface, new ApiError(404, "NotFound", "The requested resource "
                + request.path() + " does not exist."), request.requestId())
                .withHeader("RequestId", request.requestId());
    }

    private static Surface surfaceOf(String path) {
        if (path.startsWith("/v1.0/")) {
            return Surface.POWER_BI;
        }
        return path.contains("/_apis/") ? Surface.DEVOPS : Surface.FABRIC;
    }

    private static void write(HttpExchange exchange, ApiResponse response, Surface surface) throws IOException {
        ApiResponse r = surface == Surface.DEVOPS
                ? response.withHeader("ActivityId", String.valueOf(response.header("RequestId")))
                : response;
        r.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        byte[] body = r.body();
        exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                out.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        return out;
    }
}
