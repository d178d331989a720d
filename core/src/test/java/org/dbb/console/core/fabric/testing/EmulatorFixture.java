package org.dbb.console.core.fabric.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import okhttp3.Dns;
import okhttp3.OkHttpClient;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.emulator.EmulatorStats;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.MutableClock;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.ScenarioReader;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.Polling;
import org.dbb.console.core.fabric.devops.AzureDevOpsClient;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.HttpClients;
import org.dbb.console.core.fabric.http.HttpTimeouts;
import org.dbb.console.core.fabric.http.RetryBudget;
import org.dbb.console.core.fabric.http.ServiceEndpoints;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.WaitListener;
import org.dbb.console.core.fabric.jobs.JobTypes;
import org.dbb.console.core.fabric.powerbi.PowerBiClient;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;

/**
 * The real Fabric, Power BI and Azure DevOps clients pointed at an embedded emulator seeded from a repository (the
 * exported sample): the same transport the console builds, with a token supplier, quick retries and polling
 * floored at a few milliseconds. On a hand-moved clock every status poll can move the emulator's time on, so a
 * pipeline or refresh completes in a few polls whatever the machine's load. Not thread-safe; one per test.
 */
public final class EmulatorFixture implements AutoCloseable {

    /** Checks at least 5 ms apart: the emulator says {@code Retry-After: 0} at the fast time scales tests use. */
    public static final Polling FAST_POLLING = new Polling(Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofSeconds(10));
    /** The poll waits that move a hand-moved clock on. */
    private static final Set<WaitCause> POLLS = Set.of(WaitCause.JOB_RUNNING, WaitCause.REFRESH_RUNNING,
            WaitCause.OPERATION_RUNNING);

    public final FabricEmulator emulator;
    public final RecordingWaits waits = new RecordingWaits();
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService emulatorScheduler = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService clientScheduler = Executors.newScheduledThreadPool(2);
    private final OkHttpClient shared;
    private final ApiTransport transport;

    private EmulatorFixture(Builder b) {
        FabricEmulator.Builder emulatorBuilder = FabricEmulator.builder(b.repository).scenario(b.scenario)
                .pageSize(b.pageSize).handlerExecutor(handlers).scheduler(emulatorScheduler);
        if (b.clock != null) {
            emulatorBuilder.clock(b.clock);
        }
        emulator = emulatorBuilder.build();
        emulator.start();
        OkHttpClient.Builder http = HttpClients.create(new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(8))).newBuilder();
        if (b.clientHost.equals("localhost")) {
            // only 127.0.0.1, never ::1: the emulator listens on the IPv4 loopback alone
            http.dns(host -> host.equals("localhost")
                    ? List.of(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}))
                    : Dns.SYSTEM.lookup(host));
        }
        shared = http.build();
        shared.dispatcher().setMaxRequestsPerHost(b.maxRequestsPerHost);
        URI base = URI.create(emulator.baseUrl().replace("127.0.0.1", b.clientHost));
        MutableClock clock = b.clock;
        Duration step = b.advancePerPoll;
        WaitListener listener = waiting -> {
            waits.waiting(waiting);
            if (clock != null && step != null && POLLS.contains(waiting.cause())) {
                clock.advance(step);
            }
        };
        transport = ApiTransport.builder(shared, b.tokens, clientScheduler)
                .environment("sandbox")
                .endpoints(ServiceEndpoints.emulator(base))
                .retryBudget(b.retryBudget)
                .waitListener(listener)
                .build();
    }

    /** Exports the sample workspace into {@code dir} and opens it as the console does. */
    public static Workspace sample(Path dir) {
        Path repo = dir.resolve("dbb");
        new SampleWorkspace().exportTo(repo);
        return new WorkspaceLoader(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments())).open(repo);
    }

    /** Writes {@code yaml} to {@code file} and reads it back as the console reads scenario files. */
    public static Scenario scenarioFile(Path file, String yaml) {
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScenarioReader(FabricEmulator.routeKeys()).read(file);
    }

    public static Builder builder(Workspace repository) {
        return new Builder(repository);
    }

    public FabricClient fabric() {
        return new FabricClient(transport, JobTypes.defaults(), FAST_POLLING);
    }

    public PowerBiClient powerBi() {
        return new PowerBiClient(transport, FAST_POLLING);
    }

    /** The Power BI client polling as {@code polling} says (benchmarks poll tighter than {@link #FAST_POLLING}). */
    public PowerBiClient powerBi(Polling polling) {
        return new PowerBiClient(transport, polling);
    }

    public AzureDevOpsClient devOps() {
        return new AzureDevOpsClient(transport);
    }

    public EmulatedWorkspace sandbox() {
        return emulator.workspace("sandbox").orElseThrow();
    }

    public String sandboxId() {
        return sandbox().id().toString();
    }

    /** The id of an item of the sandbox workspace. */
    public String itemId(String type, String name) {
        UUID id = sandbox().itemId(type, name);
        return id.toString();
    }

    public EmulatorStats stats() {
        return emulator.stats();
    }

    @Override
    public void close() {
        emulator.close();
        handlers.shutdownNow();
        emulatorScheduler.shutdownNow();
        clientScheduler.shutdownNow();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    /** Configures an {@link EmulatorFixture}. Not thread-safe. */
    public static final class Builder {
        private final Workspace repository;
        private Scenario scenario = Scenario.neutral().withTimeScale(0.001);
        private int pageSize = FabricEmulator.DEFAULT_PAGE_SIZE;
        private MutableClock clock;
        private Duration advancePerPoll;
        private AccessTokens tokens = new RotatingTokens();
        private RetryBudget retryBudget = TransportFixture.QUICK;
        private String clientHost = "127.0.0.1";
        private int maxRequestsPerHost = 5;

        private Builder(Workspace repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        public Builder scenario(Scenario value) {
            this.scenario = value;
            return this;
        }

        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        /** Runs the emulator on {@code value}, moved on by {@code step} (real time) before every status poll. */
        public Builder clock(MutableClock value, Duration step) {
            this.clock = value;
            this.advancePerPoll = step;
            return this;
        }

        public Builder tokens(AccessTokens value) {
            this.tokens = value;
            return this;
        }

        public Builder retryBudget(RetryBudget value) {
            this.retryBudget = value;
            return this;
        }

        /**
         * The host the clients are configured with: {@code localhost} makes the emulator's {@code continuationUri}
         * (on 127.0.0.1) a foreign address, so the clients page with {@code continuationToken} instead.
         */
        public Builder clientHost(String value) {
            this.clientHost = value;
            return this;
        }

        /**
         * Concurrent calls to the emulator (OkHttp's default is 5 per host): a benchmark polling many refreshes at
         * once raises it so the client's queue does not hide the conductor's own timing.
         */
        public Builder maxRequestsPerHost(int value) {
            this.maxRequestsPerHost = value;
            return this;
        }

        public EmulatorFixture start() {
            return new EmulatorFixture(this);
        }
    }
}
