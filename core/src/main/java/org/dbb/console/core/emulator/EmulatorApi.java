package org.dbb.console.core.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The emulator's own endpoints: counters, and a webhook sink that records what notifications post. Guarded by the
 * emulator's state lock (handlers are called with it held).
 */
final class EmulatorApi {

    private final Supplier<EmulatorStats> stats;
    private final double timeScale;
    private final JsonBodies bodies;
    private final Map<String, List<WebhookPost>> posts = new LinkedHashMap<>();
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    EmulatorApi(Supplier<EmulatorStats> stats, double timeScale, JsonBodies bodies) {
        this.stats = stats;
        this.timeScale = timeScale;
        this.bodies = bodies;
    }

    void register(Router router) {
        router.add("POST", RouteKeys.template(RouteKeys.WEBHOOK_POST), Surface.EMULATOR, this::receive);
        router.add("GET", RouteKeys.template(RouteKeys.WEBHOOK_LIST), Surface.EMULATOR, this::listPosts);
        router.add("GET", RouteKeys.template(RouteKeys.STATS), Surface.EMULATOR, r -> ApiResponse.json(200,
                statsJson(stats.get())));
    }

    List<WebhookPost> posts(String name) {
        return List.copyOf(posts.getOrDefault(name, List.of()));
    }

    private ApiResponse receive(ApiRequest request) {
        String name = request.param("name");
        posts.computeIfAbsent(name, n -> new ArrayList<>()).add(WebhookPost.of(name, request.receivedAt(),
                request.header("Content-Type").orElse(""), request.body()));
        // Teams Workflows answer 202 Accepted with no body.
        return ApiResponse.empty(202);
    }

    private ApiResponse listPosts(ApiRequest request) {
        ObjectNode body = json.objectNode();
        ArrayNode value = body.putArray("value");
        for (WebhookPost post : posts(request.param("name"))) {
            ObjectNode entry = value.addObject();
            entry.put("receivedAt", UtcTimes.millis(post.receivedAt()));
            entry.put("contentType", post.contentType());
            JsonNode parsed;
            try {
                parsed = bodies.parse(post.body().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                parsed = null;
            }
            if (parsed != null && !parsed.isMissingNode()) {
                entry.set("body", parsed);
            } else {
                entry.put("body", post.body());
            }
        }
        return ApiResponse.json(200, body);
    }

    ObjectNode statsJson(EmulatorStats s) {
        ObjectNode body = json.objectNode();
        body.put("at", UtcTimes.millis(s.at()));
        // a console attached to a standalone emulator reads the scale here to scale its timeouts and targets
        body.put("timeScale", timeScale);
        ObjectNode routes = body.putObject("requestsPerRoute");
        s.requestsPerRoute().forEach(routes::put);
        ObjectNode jobs = body.putObject("jobsStartedPerItem");
        s.jobsStartedPerItem().forEach(jobs::put);
        ObjectNode refreshes = body.putObject("refreshes");
        refreshes.put("inFlight", s.inFlightRefreshes());
        refreshes.put("maxInFlight", s.maxInFlightRefreshes());
        ObjectNode now = refreshes.putObject("inFlightPerModel");
        s.inFlightRefreshesPerModel().forEach(now::put);
        ObjectNode max = refreshes.putObject("maxInFlightPerModel");
        s.maxInFlightRefreshesPerModel().forEach(max::put);
        return body;
    }
}
