package org.dbb.console.core.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * An embedded Fabric, Power BI and Azure DevOps emulator on 127.0.0.1: a test double of those services, as
 * Azurite is of Azure Storage. It seeds one workspace per environment of a repository and plays a
 * {@link Scenario}; job and refresh progress follows the injected clock, so no thread drives it. Serves Fabric
 * under {@code /v1}, Power BI under {@code /v1.0/myorg}, Azure DevOps variable groups under
 * {@code /{org}/{project}/_apis/…}, and its own {@code /_emulator/stats} and webhook sink. Thread-safe; every
 * piece of state sits behind one lock.
 */
public final class FabricEmulator implements AutoCloseable {

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on unless told otherwise, which holds small answers back
        // for up to 40 ms each; the property is read once, when the server classes first load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The page size of Fabric list calls unless the builder says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final Object lock = new Object();
    private final Scenario scenario;
    private final Clock clock;
    private final ExecutorService handlerExecutor;
    private final ScheduledExecutorService scheduler;
    private final int port;
    private final EmulatedTenant tenant;
    private final JobStore jobs = new JobStore();
    private final RefreshStore refreshes = new RefreshStore();
    private final RequestCounter counter = new RequestCounter();
    private final EmulatorApi emulatorApi;
    private final RefreshesApi refreshesApi;
    private final ScheduledJobs scheduledJobs;
    private final Router router = new Router();
    private final Supplier<UUID> ids;
    private HttpServer server;
    private String baseUrl;
    private boolean closed;

    private FabricEmulator(Builder b) {
        this.scenario = b.scenario;
        this.clock = b.clock;
        this.handlerExecutor = b.handlerExecutor;
        this.scheduler = b.scheduler;
        this.port = b.port;
        this.ids = b.ids;
        String key = b.repositoryKey != null ? b.repositoryKey : b.repository.root().toString();
        this.tenant = new Seeder(new StableIds(key)).seed(b.repository, scenario);
        JsonBodies bodies = new JsonBodies();
        Pages pages = new Pages(b.pageSize);
        JobPlanner planner = new JobPlanner(tenant, jobs, scenario, ids);
        new FabricLookupApi(tenant, pages).register(router);
        new JobsApi(tenant, jobs, planner, scenario, bodies, pages).register(router);
        new ActivityRunsApi(tenant, jobs, bodies, scenario.omitChildRunIds()).register(router);
        scheduledJobs = new ScheduledJobs(scenario, planner, sandbox(b.repository));
        new DefinitionsApi(tenant, scenario, bodies, ids).register(router);
        refreshesApi = new RefreshesApi(tenant, refreshes, scenario, bodies, ids);
        refreshesApi.register(router);
        new VariableGroupsApi(tenant).register(router);
        emulatorApi = new EmulatorApi(this::stats, scenario.timeScale(), bodies);
        emulatorApi.register(router);
    }

    /** A builder for an emulator seeded from {@code repository}. */
    public static Builder builder(Workspace repository) {
        return new Builder(repository);
    }

    /** Every route served, as {@code METHOD /template}: the names stats report and scenario faults use. */
    public static List<String> routeKeys() {
        return RouteKeys.ALL;
    }

    /**
     * Binds the port and starts answering; from now on, refreshes the scenario keeps running count from this
     * moment.
     *
     * @throws IllegalStateException when already started or closed
     * @throws UncheckedIOException  when the port cannot be bound
     */
    public void start() {
        synchronized (lock) {
            if (server != null || closed) {
                throw new IllegalStateException("the emulator can be started once");
            }
            HttpServer http;
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind the emulator to 127.0.0.1:" + port, e);
            }
            baseUrl = "http://127.0.0.1:" + http.getAddress().getPort();
            String url = baseUrl;
            http.createContext("/", new FrontDoor(router, lock, counter, new TokenGate(scenario), scenario, clock,
                    handlerExecutor, scheduler, ids, () -> url, scheduledJobs::catchUp));
            http.setExecutor(handlerExecutor);
            Instant startedAt = clock.instant();
            refreshesApi.seedBusyModels(startedAt);
            scheduledJobs.start(startedAt);
            http.start();
            server = http;
        }
    }

    /** Stops answering and releases the port; the injected executors stay the caller's to shut down. */
    @Override
    public void close() {
        HttpServer http;
        synchronized (lock) {
            closed = true;
            http = server;
            server = null;
        }
        if (http != null) {
            http.stop(0);
        }
    }

    /** The origin the emulator answers on, e.g. {@code http://127.0.0.1:51234}. */
    public String baseUrl() {
        synchronized (lock) {
            if (baseUrl == null) {
                throw new IllegalStateException("start the emulator before asking for its URL");
            }
            return baseUrl;
        }
    }

    /** The Fabric REST base, the counterpart of {@code https://api.fabric.microsoft.com/v1}. */
    public String fabricApiUrl() {
        return baseUrl() + "/v1";
    }

    /** The Power BI REST base, the counterpart of {@code https://api.powerbi.com/v1.0/myorg}. */
    public String powerBiApiUrl() {
        return baseUrl() + "/v1.0/myorg";
    }

    /** The Azure DevOps base, the counterpart of {@code https://dev.azure.com}. */
    public String devOpsUrl() {
        return baseUrl();
    }

    /** A webhook URL whose posts the emulator records under {@code name}. */
    public String webhookUrl(String name) {
        return baseUrl() + "/_emulator/webhooks/" + name;
    }

    /** The scenario being played. */
    public Scenario scenario() {
        return scenario;
    }

    /** The counters as they stand now. */
    public EmulatorStats stats() {
        synchronized (lock) {
            Instant now = clock.instant();
            scheduledJobs.catchUp(now);
            Map<String, Integer> jobsPerItem = new TreeMap<>();
            for (JobRun run : jobs.visible(now)) {
                String env = tenant.workspace(run.workspaceId()).map(WorkspaceState::environment).orElse("?");
                jobsPerItem.merge(env + "/" + run.itemName(), 1, Integer::sum);
            }
            Map<String, Integer> inFlight = refreshes.inFlightPerModel(now);
            return new EmulatorStats(now, counter.snapshot(), jobsPerItem, refreshes.maxInFlightPerModel(now),
                    refreshes.maxInFlight(now), inFlight,
                    inFlight.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    /**
     * The workspace scheduled runs start in: the sandbox environment's (flagged {@code emulator: true}), else the
     * first environment's.
     */
    private Optional<WorkspaceState> sandbox(Workspace repository) {
        return repository.settings().environments().values().stream()
                .filter(EnvironmentSettings::emulator).findFirst()
                .flatMap(env -> tenant.workspace(env.name()))
                .or(() -> tenant.workspaces().stream().findFirst());
    }

    /** The route keys the router actually serves, to check them against {@link #routeKeys()}. */
    List<String> servedRouteKeys() {
        return router.routes().stream().map(Route::key).toList();
    }

    /** What the webhook sink recorded under {@code name}, oldest first. */
    public List<WebhookPost> webhookPosts(String name) {
        synchronized (lock) {
            return emulatorApi.posts(name);
        }
    }

    /** The emulated workspaces, one per environment, as they stand now. */
    public List<EmulatedWorkspace> workspaces() {
        synchronized (lock) {
            Instant now = clock.instant();
            return tenant.workspaces().stream().map(ws -> view(ws, now)).toList();
        }
    }

    /** The emulated workspace of one environment. */
    public Optional<EmulatedWorkspace> workspace(String environment) {
        return workspaces().stream().filter(w -> w.environment().equals(environment)).findFirst();
    }

    private EmulatedWorkspace view(WorkspaceState ws, Instant now) {
        VariableGroupState group = tenant.variableGroups().stream()
                .filter(g -> g.environment().equals(ws.environment())).findFirst().orElseThrow();
        return new EmulatedWorkspace(ws.environment(), ws.id(), ws.displayName(), ws.sqlEndpointHost(),
                new VariableGroupRef(group.organization(), group.project(), group.id()),
                ws.items().stream().map(i -> new EmulatedItem(i.id(), i.type(), i.displayName(now), i.logicalId()))
                        .toList());
    }

    /** Configures an emulator. Not thread-safe; {@link #build()} seeds from the repository's files. */
    public static final class Builder {
        private final Workspace repository;
        private Scenario scenario = Scenario.neutral();
        private Clock clock = Clock.systemUTC();
        private ExecutorService handlerExecutor;
        private ScheduledExecutorService scheduler;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int port;
        private String repositoryKey;
        private Supplier<UUID> ids = UUID::randomUUID;

        private Builder(Workspace repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        /** The scenario to play; {@link Scenario#neutral()} by default. */
        public Builder scenario(Scenario value) {
            this.scenario = Objects.requireNonNull(value, "scenario");
            return this;
        }

        /** The clock job and refresh progress follows; tests pass one they move by hand. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Runs the HTTP handlers (required). The emulator never shuts it down. */
        public Builder handlerExecutor(ExecutorService value) {
            this.handlerExecutor = Objects.requireNonNull(value, "handlerExecutor");
            return this;
        }

        /** Schedules delayed answers of slow-response faults (required). The emulator never shuts it down. */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** Items per page of Fabric list calls; small values exercise clients' pagination. */
        public Builder pageSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("page size must be at least 1, was " + value);
            }
            this.pageSize = value;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be 0–65535, was " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * What makes seeded ids unique to this repository; the repository's root path by default, so an emulator
         * restarted on the same folder hands out the same workspace and item ids.
         */
        public Builder repositoryKey(String value) {
            this.repositoryKey = Objects.requireNonNull(value, "repositoryKey");
            return this;
        }

        /** Where job, refresh, operation and request ids come from; random UUIDs by default. Must be thread-safe. */
        public Builder idSource(Supplier<UUID> value) {
            this.ids = Objects.requireNonNull(value, "idSource");
            return this;
        }

        /**
         * Seeds the emulator from the repository.
         *
         * @throws IllegalStateException when an executor is missing
         */
        public FabricEmulator build() {
            if (handlerExecutor == null || scheduler == null) {
                throw new IllegalStateException("the emulator needs a handlerExecutor and a scheduler");
            }
            return new FabricEmulator(this);
        }
    }
}
