package org.dbb.console.core.engine.refresh;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import org.dbb.console.core.fabric.powerbi.PowerBiClient;

/**
 * Refreshes semantic models through Power BI's enhanced refresh, at most {@code cap} at once and never two of one
 * model: the DBB stage "Semantic refresh". Each model is started in list order when a slot is free, polled until
 * it ends (honouring {@code Retry-After}, on the injected scheduler: no thread per refresh, no busy loop), retried
 * per {@link RefreshPolicy}, cancelled when an attempt outlives its timeout, and reported through a
 * {@link ConductorListener}.
 *
 * <p>A model Power BI reports busy ("Another refresh request is already executing") is waiting, not failed: it
 * gives its slot back, the conductor watches the model's refresh history until the other refresh ends, then starts
 * its own, because the other one may have started before this run's data landed.
 *
 * <p>A slot is held only while one of our refreshes is requested or running. A model waiting for its retry
 * interval or for throttling to pass gives its slot back too; when it is ready again it re-enters the queue at its
 * list position, ahead of models listed after it.
 *
 * <p>Thread-safe: one conductor may run several runs at once; each run is independent.
 */
public final class RefreshConductor {

    private final PowerBiClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    /**
     * @param client    the Power BI client (its polling settings pace the busy-model checks)
     * @param scheduler runs the conductor's timers (retry waits, attempt timeouts, overrun checks); never blocked
     * @param clock     the times reported to listeners and compared against targets
     */
    public RefreshConductor(PowerBiClient client, ScheduledExecutorService scheduler, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts refreshing {@code models} and returns at once.
     *
     * @throws IllegalArgumentException when {@code cap} is below 1, or a model (by name, or by group and dataset
     *                                  id) is listed twice
     */
    public ConductorRun start(List<RefreshTarget> models, int cap, RefreshPolicy policy,
            ConductorListener listener) {
        return start(models, cap, policy, listener, Map.of());
    }

    /**
     * Starts refreshing {@code models}, going on from what an earlier console did for some of them before it
     * stopped ({@code carried}, by model name), and returns at once. A carried refresh holds a slot from the start.
     *
     * @throws IllegalArgumentException as {@link #start(List, int, RefreshPolicy, ConductorListener)}, or when a
     *                                  carried attempt is beyond the policy's attempts
     */
    public ConductorRun start(List<RefreshTarget> models, int cap, RefreshPolicy policy,
            ConductorListener listener, Map<String, CarriedRefresh> carried) {
        Objects.requireNonNull(carried, "carried");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        if (cap < 1) {
            throw new IllegalArgumentException("the cap must be at least 1, was " + cap);
        }
        List<RefreshTarget> targets = List.copyOf(models);
        refuseDuplicates(targets);
        carried.forEach((model, c) -> {
            if (c.attempt() > policy.maxAttempts()) {
                throw new IllegalArgumentException("model '" + model + "' goes on with attempt " + c.attempt()
                        + " but the policy allows " + policy.maxAttempts());
            }
        });
        ConductedRun run = new ConductedRun(client, scheduler, clock, targets, cap, policy, listener,
                Map.copyOf(carried));
        run.begin();
        return run;
    }

    private static void refuseDuplicates(List<RefreshTarget> targets) {
        Map<String, RefreshTarget> byName = new HashMap<>();
        Map<String, RefreshTarget> byDataset = new HashMap<>();
        for (RefreshTarget t : targets) {
            if (byName.putIfAbsent(t.model(), t) != null) {
                throw new IllegalArgumentException("model '" + t.model() + "' is listed twice; a model is refreshed"
                        + " once per run, so remove the second entry");
            }
            String dataset = (t.groupId() + "/" + t.datasetId()).toLowerCase(Locale.ROOT);
            RefreshTarget first = byDataset.putIfAbsent(dataset, t);
            if (first != null) {
                throw new IllegalArgumentException("models '" + first.model() + "' and '" + t.model()
                        + "' are the same semantic model (dataset " + t.datasetId() + "); list it once");
            }
        }
    }
}
