package org.dbb.console.core.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;

/**
 * The sample repository exported to a folder, an emulator seeded from it on a hand-moved clock, and a plain JDK
 * HTTP client. Not thread-safe; one per test.
 */
final class EmulatorHarness implements AutoCloseable {

    static final Instant START = Instant.parse("2025-05-01T06:00:00Z");
    static final String TOKEN = "Bearer test-token";

    final Workspace repository;
    final MutableClock clock = new MutableClock(START);
    final FabricEmulator emulator;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private EmulatorHarness(Workspace repository, Scenario scenario, Consumer<FabricEmulator.Builder> options,
                            boolean realClock) {
        this.repository = repository;
        FabricEmulator.Builder builder = FabricEmulator.builder(repository).scenario(scenario)
                .handlerExecutor(handlers).scheduler(scheduler);
        if (!realClock) {
            builder.clock(clock);
        }
        options.accept(builder);
        this.emulator = builder.build();
        emulator.start();
    }

    static EmulatorHarness start(Path dir, Scenario scenario) {
        return start(dir, scenario, b -> { });
    }

    static EmulatorHarness start(Path dir, Scenario scenario, Consumer<FabricEmulator.Builder> options) {
        return new EmulatorHarness(sample(dir), scenario, options, false);
    }

    static EmulatorHarness startOnRealClock(Path dir, Scenario scenario) {
        return new EmulatorHarness(sample(dir), scenario, b -> { }, true);
    }

    static Workspace sample(Path dir) {
        Path repo = dir.resolve("dbb");
        new SampleWorkspace().exportTo(repo);
        return new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments())).open(repo);
    }

    static Scenario scenario(String yaml) {
        return new ScenarioReader(FabricEmulator.routeKeys()).parse(Path.of("test-scenario.yml"), yaml);
    }

    UUID sandbox() {
        return emulator.workspace("sandbox").orElseThrow().id();
    }

    UUID item(String type, String name) {
        return emulator.workspace("sandbox").orElseThrow().itemId(type, name);
    }

    String itemPath(String type, String name) {
        return "/v1/workspaces/" + sandbox() + "/items/" + item(type, name);
    }

    void advance(double seconds) {
        clock.advanceSeconds(seconds);
    }

    Reply get(String pathOrUrl) {
        return send(request(pathOrUrl).GET());
    }

    Reply post(String pathOrUrl, String body) {
        return send(request(pathOrUrl).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply delete(String pathOrUrl) {
        return send(request(pathOrUrl).DELETE());
    }

    HttpRequest.Builder request(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : emulator.baseUrl() + pathOrUrl;
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Authorization", TOKEN);
    }

    HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            return sendOrThrow(request);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    Reply sendOrThrow(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
            return new Reply(response.statusCode(), response.headers(), response.body(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a pipeline job and returns the job instance id taken from {@code Location}. */
    String runPipeline(String name) {
        Reply reply = post(itemPath("DataPipeline", name) + "/jobs/instances?jobType=Pipeline", "");
        if (reply.status() != 202) {
            throw new IllegalStateException("expected 202, got " + reply);
        }
        String location = reply.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    JsonNode job(String type, String name, String jobId) {
        return get(itemPath(type, name) + "/jobs/instances/" + jobId).json();
    }

    JsonNode activityRuns(String jobId) {
        return post("/v1/workspaces/" + sandbox() + "/datapipelines/pipelineruns/" + jobId + "/queryactivityruns",
                "{}").json().path("value");
    }

    @Override
    public void close() {
        emulator.close();
        handlers.shutdownNow();
        scheduler.shutdownNow();
    }

    /** One answer. */
    record Reply(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
