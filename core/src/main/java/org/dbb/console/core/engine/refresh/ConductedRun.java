package org.dbb.console.core.engine.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.Futures;
import org.dbb.console.core.fabric.powerbi.PowerBiClient;
import org.dbb.console.core.fabric.powerbi.RefreshDetail;
import org.dbb.console.core.fabric.powerbi.RefreshHistoryEntry;
import org.dbb.console.core.fabric.powerbi.RefreshRef;
import org.dbb.console.core.fabric.powerbi.RefreshRequest;
import org.dbb.console.core.fabric.powerbi.RefreshStart;

/**
 * One conductor run: a state machine per model driven by HTTP answers and timers, all under one lock.
 *
 * <p>Every change goes through {@link #update}: it mutates state under the lock, starts queued models while slots
 * are free, and collects two kinds of effects that run after the lock is released: requests to Power BI (so a
 * future that completes at once never re-enters a half-made change) and listener calls (through
 * {@link ListenerQueue}, in order). Answers and timers come back through {@code update} on whatever thread
 * delivered them; callbacks check that the attempt they belong to is still the model's current one.
 *
 * <p>Thread-safe.
 */
final class ConductedRun implements ConductorRun {

    private static final Logger LOG = LoggerFactory.getLogger(ConductedRun.class);
    /** History entries read when a model is busy: the running refresh is the newest or close to it. */
    private static final int HISTORY_TOP = 5;
    /** How far the console's clock and Power BI's may disagree when matching a refresh to its request. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final String OUR_REFRESH_TYPE = "ViaEnhancedApi";

    private final PowerBiClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final RefreshPolicy policy;
    private final ListenerQueue events = new ListenerQueue();
    private final ConductorListener listener;
    private final Instant startedAt;
    private final CompletableFuture<ConductorResult> completion = new CompletableFuture<>();

    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private final List<Model> models = new ArrayList<>();
    private final TreeSet<Model> ready = new TreeSet<>(Comparator.comparingInt(m -> m.index));
    private final List<Runnable> requests = new ArrayList<>();
    private int cap;
    private int inFlight;
    private boolean cancelled;
    private boolean finished;

    ConductedRun(PowerBiClient client, ScheduledExecutorService scheduler, Clock clock, List<RefreshTarget> targets,
            int cap, RefreshPolicy policy, ConductorListener listener, Map<String, CarriedRefresh> carried) {
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
        this.policy = policy;
        this.listener = listener;
        this.cap = cap;
        this.startedAt = clock.instant();
        for (RefreshTarget target : targets) {
            Model m = new Model(target, models.size(), startedAt);
            m.carried = carried.get(target.model());
            if (m.carried != null) {
                m.attempts = m.carried.attempt() - 1;
            }
            models.add(m);
        }
    }

    /**
     * Finds again the refreshes an earlier console requested (each holding a slot), queues every other model in
     * list order and starts as many as the cap allows.
     */
    void begin() {
        update(() -> models.forEach(m -> {
            if (m.carried != null && m.carried.requested()) {
                resume(m);
            } else {
                enqueue(m);
            }
        }));
    }

    /**
     * A carried attempt holds a slot while it is found again: by its recorded refresh id, else as the newest
     * refresh of ours in the model's history started since its request (less a clock-skew margin). Only when
     * there is none is it requested, as the same attempt.
     */
    private void resume(Model m) {
        CarriedRefresh c = m.carried;
        Attempt a = new Attempt(c.attempt(), c.submittingAt().orElseThrow());
        a.carried = true;
        m.current = a;
        takeSlot(m);
        enter(m, ModelState.REFRESHING);
        if (c.refreshId().isPresent()) {
            adopt(m, a, c.refreshId().get());
            return;
        }
        RefreshTarget t = m.target;
        send(() -> client.refreshHistoryAsync(t.groupId(), t.datasetId(), HISTORY_TOP),
                (history, error) -> onCarriedHistory(m, a, history, error));
    }

    private void onCarriedHistory(Model m, Attempt a, List<RefreshHistoryEntry> history, Throwable error) {
        if (m.current != a || a.ended) {
            return;
        }
        if (error != null) {
            // not knowing whether the refresh exists, requesting another could run it twice: fail, no retry
            Throwable cause = Futures.unwrap(error);
            m.attempts = policy.maxAttempts();
            endAttempt(m, a, AttemptStatus.FAILED, "RefreshOutcomeUnknown", "could not read the refresh history"
                    + " of " + m.name() + " to find the refresh requested before the console stopped: "
                    + message(cause));
            return;
        }
        Instant notBefore = a.sentAt.minus(CLOCK_SKEW);
        Optional<RefreshHistoryEntry> ours = history.stream()
                .filter(r -> OUR_REFRESH_TYPE.equalsIgnoreCase(r.refreshType()))
                .filter(r -> !m.carried.otherRefreshes().contains(r.requestId()))
                .filter(r -> r.startTime().map(t -> !t.isBefore(notBefore)).orElse(true))
                .max(Comparator.comparing(r -> r.startTime().orElse(Instant.MAX)));
        if (ours.isPresent()) {
            adopt(m, a, ours.get().requestId());
            return;
        }
        if (cancelled) {
            m.current = null;
            releaseSlot(m);
            finish(m, ModelState.CANCELLED);
            return;
        }
        LOG.info("Refresh of {} attempt {} never reached Power BI before the console stopped; requesting it now",
                m.name(), a.number);
        requestRefresh(m, a);
    }

    /** Watches a refresh requested before the console stopped as the carried attempt's own. */
    private void adopt(Model m, Attempt a, String refreshId) {
        Instant now = clock.instant();
        m.attempts = a.number;
        a.ref = new RefreshRef(m.target.groupId(), m.target.datasetId(), refreshId, Optional.empty());
        m.lastRefreshId = refreshId;
        if (m.firstStart == null) {
            m.firstStart = a.sentAt;
            Duration left = m.target.target().minus(m.elapsed(now));
            scheduleOverrunCheck(m, left.isNegative() ? Duration.ZERO : left);
        }
        Instant sent = a.sentAt;
        post(m, "attemptStarted", l -> l.attemptStarted(m.name(), a.number, refreshId, sent));
        if (cancelled) {
            a.ending = Ending.RUN_CANCELLED;
            sendCancel(m, a);
            return;
        }
        Duration left = policy.attemptTimeout().minus(Duration.between(a.sentAt, now));
        a.timeout = schedule(() -> update(() -> onAttemptTimeout(m, a)), left.isNegative() ? Duration.ZERO : left);
        poll(m, a);
    }

    @Override
    public void setCap(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("the cap must be at least 1, was " + value);
        }
        update(() -> cap = value);
    }

    @Override
    public int cap() {
        lock.lock();
        try {
            return cap;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cancel() {
        update(() -> {
            if (cancelled || finished) {
                return;
            }
            cancelled = true;
            for (Model m : models) {
                if (m.state.isTerminal()) {
                    continue;
                }
                Attempt a = m.current;
                if (a == null) {
                    finish(m, ModelState.CANCELLED);
                } else if (a.ref != null && a.ending == null) {
                    a.ending = Ending.RUN_CANCELLED;
                    sendCancel(m, a);
                }
                // a request still on its way is cancelled as soon as Power BI answers it (onTriggered)
            }
        });
    }

    @Override
    public CompletableFuture<ConductorResult> completion() {
        // a copy, so a caller cancelling or completing it cannot touch the run's own future
        return completion.thenApply(r -> r);
    }

    @Override
    public Map<String, ModelProgress> snapshot() {
        lock.lock();
        try {
            Instant now = clock.instant();
            Map<String, ModelProgress> out = new LinkedHashMap<>();
            for (Model m : models) {
                out.put(m.name(), new ModelProgress(m.name(), m.state, m.lastAttemptNumber(),
                        Optional.ofNullable(m.current == null ? m.lastRefreshId : m.current.refreshId()),
                        m.since, Optional.ofNullable(m.wait), m.elapsed(now), m.target.target(), m.overran));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The one way state changes

    private void update(Runnable change) {
        List<Runnable> toSend;
        lock.lock();
        try {
            change.run();
            startReady();
            reportSlotWaits();
            completeWhenAllEnded();
            toSend = List.copyOf(requests);
            requests.clear();
        } finally {
            lock.unlock();
        }
        for (Runnable request : toSend) {
            request.run();
        }
        events.drain();
    }

    /** Starts ready models in list order while a slot is free; a lowered cap simply starts none. */
    private void startReady() {
        while (!cancelled && inFlight < cap && !ready.isEmpty()) {
            trigger(ready.pollFirst());
        }
    }

    private void reportSlotWaits() {
        for (Model m : ready) {
            if (!m.slotReported) {
                m.slotReported = true;
                m.wait = new ModelWait.Slot(slotHolders(), cap);
                post(m, "waiting", l -> l.waiting(m.name(), m.wait));
            }
        }
    }

    private List<String> slotHolders() {
        return models.stream().filter(m -> m.holdsSlot).map(Model::name).toList();
    }

    private void completeWhenAllEnded() {
        if (finished || !models.stream().allMatch(m -> m.state.isTerminal())) {
            return;
        }
        finished = true;
        Instant end = models.stream().map(m -> m.endedAt).max(Comparator.naturalOrder()).orElse(startedAt);
        ModelState state = cancelled ? ModelState.CANCELLED
                : models.stream().anyMatch(m -> m.state == ModelState.FAILED) ? ModelState.FAILED
                : ModelState.SUCCEEDED;
        List<ModelResult> results = models.stream().map(m -> new ModelResult(m.name(), m.state,
                m.outcomes, m.elapsed(m.endedAt), m.target.target(), m.overran)).toList();
        ConductorResult result = new ConductorResult(state, results, startedAt, end);
        // after every listener call already posted, so a caller joining the result has seen them all
        events.post("completion", () -> completion.complete(result));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Transitions (all called with the lock held)

    private void enqueue(Model m) {
        cancelTimer(m);
        enter(m, ModelState.QUEUED);
        m.wait = null;
        m.slotReported = false;
        ready.add(m);
    }

    private void trigger(Model m) {
        Attempt a = new Attempt(m.attempts + 1, clock.instant());
        m.current = a;
        m.wait = null;
        takeSlot(m);
        enter(m, ModelState.REFRESHING);
        requestRefresh(m, a);
    }

    /** Sends the request once the lock is released, telling the listener first (it records the request ahead). */
    private void requestRefresh(Model m, Attempt a) {
        RefreshRequest body = request(m.target);
        String model = m.name();
        send(() -> {
            try {
                listener.submitting(model, a.number, clock.instant());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new IllegalStateException("the refresh of " + model
                        + " was not requested: recording the request ahead failed: " + e.getMessage(), e));
            }
            return client.triggerRefreshAsync(m.target.groupId(), m.target.datasetId(), body);
        }, (start, error) -> onTriggered(m, a, start, error));
    }

    private void onTriggered(Model m, Attempt a, RefreshStart start, Throwable error) {
        if (m.current != a) {
            return;
        }
        Instant now = clock.instant();
        if (start instanceof RefreshStart.Started started) {
            m.attempts = a.number;
            a.ref = started.refresh();
            m.lastRefreshId = a.ref.refreshId();
            if (m.firstStart == null) {
                m.firstStart = now;
                scheduleOverrunCheck(m, m.target.target());
            }
            String refreshId = a.ref.refreshId();
            post(m, "attemptStarted", l -> l.attemptStarted(m.name(), a.number, refreshId, now));
            if (cancelled) {
                a.ending = Ending.RUN_CANCELLED;
                sendCancel(m, a);
                return;
            }
            a.timeout = schedule(() -> update(() -> onAttemptTimeout(m, a)), policy.attemptTimeout());
            poll(m, a);
            return;
        }
        if (start instanceof RefreshStart.Busy) {
            m.current = null;
            releaseSlot(m);
            if (cancelled) {
                finish(m, ModelState.CANCELLED);
                return;
            }
            becomeBusy(m);
            return;
        }
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof FabricApiException e && isThrottled(e)) {
            m.current = null;
            releaseSlot(m);
            if (cancelled) {
                finish(m, ModelState.CANCELLED);
                return;
            }
            throttled(m, e, () -> update(() -> {
                if (m.state == ModelState.WAITING) {
                    enqueue(m);
                }
            }));
            return;
        }
        // refused outright, or the request failed after the transport's retries: a failed attempt. If the
        // outcome is unknown (connection dropped after sending), the retry finds the model busy and waits.
        m.attempts = a.number;
        endAttempt(m, a, AttemptStatus.FAILED, errorCode(cause), message(cause));
    }

    private void poll(Model m, Attempt a) {
        RefreshRef ref = a.ref;
        send(() -> client.awaitRefreshAsync(ref), (detail, error) -> onPolled(m, a, detail, error),
                future -> {
                    if (a.ended || a.ending != null) {
                        cancelLater(future);
                    } else {
                        a.polling = future;
                    }
                });
    }

    private void onPolled(Model m, Attempt a, RefreshDetail detail, Throwable error) {
        if (m.current != a || a.ended || a.ending != null) {
            return;
        }
        if (error != null) {
            Throwable cause = Futures.unwrap(error);
            if (cause instanceof CancellationException) {
                return;
            }
            if (cause instanceof FabricApiException e && isThrottled(e)) {
                // the refresh keeps running in Power BI, so it keeps its slot; only our polling pauses
                throttled(m, e, () -> update(() -> {
                    if (m.current == a && !a.ended && a.ending == null) {
                        m.wait = null;
                        enter(m, ModelState.REFRESHING);
                        poll(m, a);
                    }
                }));
                return;
            }
            // we no longer know what the refresh does: stop it rather than let a retry race it
            a.ending = Ending.POLL_FAILED;
            a.pollFailure = cause;
            sendCancel(m, a);
            return;
        }
        switch (detail.state()) {
            case COMPLETED -> endAttempt(m, a, AttemptStatus.SUCCEEDED, null, null);
            case TIMED_OUT -> endAttempt(m, a, AttemptStatus.TIMED_OUT, serviceCode(detail, "RefreshTimedOut"),
                    serviceMessage(detail, "Power BI stopped the refresh at its timeout"));
            case CANCELLED -> endAttempt(m, a, AttemptStatus.CANCELLED, "RefreshCancelled",
                    "the refresh was cancelled outside this run");
            case DISABLED -> endAttempt(m, a, AttemptStatus.FAILED, "RefreshDisabled",
                    "Power BI reported the refresh Disabled (selective refresh); nothing was refreshed");
            default -> endAttempt(m, a, AttemptStatus.FAILED, serviceCode(detail, "RefreshFailed"),
                    serviceMessage(detail, "Power BI reported the refresh " + detail.extendedStatusText()));
        }
    }

    private void onAttemptTimeout(Model m, Attempt a) {
        if (m.current != a || a.ended || a.ending != null || a.ref == null) {
            return;
        }
        a.ending = Ending.TIMED_OUT;
        sendCancel(m, a);
    }

    /** Stops polling and asks Power BI to cancel; the attempt ends once Power BI has answered either way. */
    private void sendCancel(Model m, Attempt a) {
        cancelLater(a.polling);
        cancelFuture(a.timeout);
        RefreshRef ref = a.ref;
        send(() -> client.cancelRefreshAsync(ref.groupId(), ref.datasetId(), ref.refreshId()),
                (ignored, error) -> onCancelAnswered(m, a, error));
    }

    private void onCancelAnswered(Model m, Attempt a, Throwable error) {
        if (m.current != a || a.ended) {
            return;
        }
        String failedCancel = "";
        if (error != null) {
            Throwable cause = Futures.unwrap(error);
            LOG.warn("cancelling refresh {} of model {} failed: {}", a.ref.refreshId(), m.name(), message(cause));
            failedCancel = "; cancelling it in Power BI failed: " + message(cause);
        }
        switch (a.ending) {
            case TIMED_OUT -> endAttempt(m, a, AttemptStatus.TIMED_OUT, "AttemptTimedOut",
                    "the attempt ran longer than its timeout of " + policy.attemptTimeout()
                            + " and was cancelled" + failedCancel);
            case RUN_CANCELLED -> endAttempt(m, a, AttemptStatus.CANCELLED, "RunCancelled",
                    "the run was cancelled" + failedCancel);
            case POLL_FAILED -> endAttempt(m, a, AttemptStatus.FAILED, errorCode(a.pollFailure),
                    "reading the refresh's progress failed: " + message(a.pollFailure) + failedCancel);
            default -> throw new IllegalStateException("cancel answered without a reason: " + a.ending);
        }
    }

    private void endAttempt(Model m, Attempt a, AttemptStatus status, String code, String text) {
        Instant now = clock.instant();
        a.ended = true;
        cancelFuture(a.timeout);
        cancelLater(a.polling);
        m.current = null;
        releaseSlot(m);
        RefreshOutcome outcome = new RefreshOutcome(a.number, status,
                Optional.ofNullable(a.ref).map(RefreshRef::refreshId), Optional.ofNullable(code),
                Optional.ofNullable(text), a.sentAt, now);
        m.outcomes.add(outcome);
        checkOverrun(m, now);
        post(m, "attemptEnded", l -> l.attemptEnded(m.name(), a.number, outcome, now));
        if (status == AttemptStatus.SUCCEEDED) {
            finish(m, ModelState.SUCCEEDED);
        } else if (cancelled) {
            finish(m, ModelState.CANCELLED);
        } else if (m.attempts < policy.maxAttempts()) {
            Instant at = now.plus(policy.retryInterval());
            enter(m, ModelState.WAITING);
            m.wait = new ModelWait.RetryAt(at, m.attempts + 1);
            ModelWait wait = m.wait;
            post(m, "waiting", l -> l.waiting(m.name(), wait));
            m.timer = schedule(() -> update(() -> {
                if (m.state == ModelState.WAITING) {
                    enqueue(m);
                }
            }), policy.retryInterval());
        } else {
            finish(m, ModelState.FAILED);
        }
    }

    /**
     * Another refresh of the model is executing. The model gives its slot back: the slot caps the refreshes this
     * run puts on the capacity, and the busy refresh is not ours, so holding a slot for it would idle a slot
     * another model could use while adding no protection (that refresh runs whatever we do). We find the running
     * refresh in the history and check again at the client's poll interval until it ends; then we queue the model
     * and start our own refresh. We never adopt the busy refresh as our result: it may have started before this
     * run's data landed (a schedule firing mid-load), so only a refresh started by us is known to include it.
     */
    private void becomeBusy(Model m) {
        enter(m, ModelState.BUSY);
        m.wait = null;
        readHistory(m);
    }

    private void readHistory(Model m) {
        RefreshTarget t = m.target;
        send(() -> client.refreshHistoryAsync(t.groupId(), t.datasetId(), HISTORY_TOP),
                (history, error) -> onHistory(m, history, error));
    }

    private void onHistory(Model m, List<RefreshHistoryEntry> history, Throwable error) {
        if (m.state != ModelState.BUSY || cancelled) {
            return;
        }
        Duration interval = client.polling().next(Optional.empty());
        if (error != null) {
            Throwable cause = Futures.unwrap(error);
            LOG.warn("reading the refresh history of busy model {} failed: {}; trying our refresh again in {}",
                    m.name(), message(cause), interval);
            reportBusy(m, ModelWait.ModelBusy.unknown());
            m.timer = schedule(() -> update(() -> {
                if (m.state == ModelState.BUSY) {
                    enqueue(m);
                }
            }), isThrottled(cause) ? throttleDelay((FabricApiException) cause) : interval);
            return;
        }
        Optional<RefreshHistoryEntry> running = history.stream().filter(RefreshHistoryEntry::isRunning).findFirst();
        if (running.isEmpty()) {
            if (m.wait == null) {
                // it ended between Power BI's refusal and our look; still say why we did not start at once
                reportBusy(m, ModelWait.ModelBusy.unknown());
            }
            enqueue(m);
            return;
        }
        RefreshHistoryEntry r = running.get();
        reportBusy(m, new ModelWait.ModelBusy(Optional.of(r.requestId()), Optional.of(r.refreshType()),
                r.startTime()));
        m.timer = schedule(() -> update(() -> {
            if (m.state == ModelState.BUSY && !cancelled) {
                readHistory(m);
            }
        }), interval);
    }

    /** Reports the busy wait once per busy refresh, not once per check. */
    private void reportBusy(Model m, ModelWait.ModelBusy busy) {
        if (m.wait instanceof ModelWait.ModelBusy known && known.refreshId().equals(busy.refreshId())) {
            return;
        }
        m.wait = busy;
        post(m, "waiting", l -> l.waiting(m.name(), busy));
    }

    private void throttled(Model m, FabricApiException e, Runnable then) {
        Duration delay = throttleDelay(e);
        enter(m, m.current == null ? ModelState.WAITING : ModelState.REFRESHING);
        m.wait = new ModelWait.Throttled(clock.instant().plus(delay), e.retryAfter());
        ModelWait wait = m.wait;
        post(m, "waiting", l -> l.waiting(m.name(), wait));
        m.timer = schedule(then, delay);
    }

    private Duration throttleDelay(FabricApiException e) {
        return client.polling().next(e.retryAfter());
    }

    private void scheduleOverrunCheck(Model m, Duration delay) {
        cancelFuture(m.overrunTimer);
        m.overrunTimer = schedule(() -> update(() -> {
            if (!m.state.isTerminal() && !m.overran) {
                Instant now = clock.instant();
                Duration left = m.target.target().minus(m.elapsed(now));
                if (!checkOverrun(m, now)) {
                    // the clock lags the timer (a hand-moved clock); look again when it should have passed
                    scheduleOverrunCheck(m, left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left);
                }
            }
        }), delay);
    }

    /** Reports the overrun once when the model's own refresh time has passed its target. */
    private boolean checkOverrun(Model m, Instant now) {
        if (m.overran || m.firstStart == null) {
            return m.overran;
        }
        Duration elapsed = m.elapsed(now);
        if (elapsed.compareTo(m.target.target()) <= 0) {
            return false;
        }
        m.overran = true;
        cancelFuture(m.overrunTimer);
        Duration target = m.target.target();
        post(m, "overrun", l -> l.overrun(m.name(), elapsed, target));
        return true;
    }

    private void finish(Model m, ModelState state) {
        ready.remove(m);
        cancelTimer(m);
        cancelFuture(m.overrunTimer);
        m.wait = null;
        enter(m, state);
        m.endedAt = m.since;
    }

    private void enter(Model m, ModelState state) {
        if (m.state != state) {
            m.state = state;
            m.since = clock.instant();
        }
    }

    private void takeSlot(Model m) {
        if (!m.holdsSlot) {
            m.holdsSlot = true;
            inFlight++;
        }
    }

    private void releaseSlot(Model m) {
        if (m.holdsSlot) {
            m.holdsSlot = false;
            inFlight--;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Effects

    private interface ListenerCall {
        void call(ConductorListener l);
    }

    private void post(Model m, String what, ListenerCall call) {
        events.post(what + " of " + m.name(), () -> call.call(listener));
    }

    private <T> void send(Supplier<CompletableFuture<T>> request, Answer<T> answer) {
        send(request, answer, null);
    }

    /**
     * Queues a request to go out once the lock is released; its answer comes back through {@link #update}.
     * {@code sent}, when given, sees the future first (under the lock) so it can be kept for cancelling.
     */
    private <T> void send(Supplier<CompletableFuture<T>> request, Answer<T> answer,
            Consumer<CompletableFuture<T>> sent) {
        requests.add(() -> {
            CompletableFuture<T> future;
            try {
                future = request.get();
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            if (sent != null) {
                CompletableFuture<T> f = future;
                update(() -> sent.accept(f));
            }
            future.whenComplete((value, error) -> update(() -> answer.accept(value, error)));
        });
    }

    @FunctionalInterface
    private interface Answer<T> {
        void accept(T value, Throwable error);
    }

    private Future<?> schedule(Runnable task, Duration delay) {
        try {
            return scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("refresh conductor timer failed", e);
                }
            }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.error("the scheduler refused a refresh conductor timer; is it shut down?", e);
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Cancels a client future once the lock is released: cancelling a {@link CompletableFuture} runs its
     * dependents at once, and ours re-enter {@link #update}.
     */
    private void cancelLater(CompletableFuture<?> future) {
        if (future != null) {
            requests.add(() -> future.cancel(false));
        }
    }

    private static void cancelTimer(Model m) {
        cancelFuture(m.timer);
        m.timer = null;
    }

    private static void cancelFuture(Future<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Mapping

    /**
     * Enhanced refresh, full and transactional; Power BI makes no retries of its own, the conductor does. The
     * policy's attempt timeout is not sent as the body's {@code timeout}: the conductor enforces it (and cancels),
     * which works at any granularity, whereas Power BI takes whole seconds and the sandbox would scale it again.
     */
    static RefreshRequest request(RefreshTarget target) {
        RefreshRequest.Builder b = RefreshRequest.builder().retryCount(0);
        target.tables().forEach(b::table);
        return b.build();
    }

    private static boolean isThrottled(Throwable t) {
        return t instanceof FabricApiException e && e.status() == 429;
    }

    private static String errorCode(Throwable t) {
        return t instanceof FabricApiException e ? e.errorCode() : t.getClass().getSimpleName();
    }

    private static String message(Throwable t) {
        if (t instanceof FabricApiException e) {
            return e.serviceMessage().isBlank() ? e.getMessage() : e.serviceMessage();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String serviceCode(RefreshDetail detail, String fallback) {
        return ServiceExceptions.errorCode(detail).orElse(fallback);
    }

    private static String serviceMessage(RefreshDetail detail, String fallback) {
        return ServiceExceptions.message(detail).orElse(fallback);
    }

    // ---------------------------------------------------------------------------------------------------------
    // State

    /** Why the conductor is cancelling an attempt. */
    private enum Ending {
        TIMED_OUT, RUN_CANCELLED, POLL_FAILED
    }

    /** One model's state; guarded by the run's lock. */
    private static final class Model {
        final RefreshTarget target;
        final int index;
        ModelState state = ModelState.QUEUED;
        Instant since;
        ModelWait wait;
        /** Attempts made (accepted by Power BI or refused outright); a busy or throttled request is none. */
        int attempts;
        Attempt current;
        String lastRefreshId;
        boolean holdsSlot;
        boolean slotReported;
        Future<?> timer;
        Future<?> overrunTimer;
        Instant firstStart;
        Instant endedAt;
        boolean overran;
        final List<RefreshOutcome> outcomes = new ArrayList<>();
        CarriedRefresh carried;

        Model(RefreshTarget target, int index, Instant now) {
            this.target = target;
            this.index = index;
            this.since = now;
        }

        String name() {
            return target.model();
        }

        int lastAttemptNumber() {
            return current != null ? current.number : attempts;
        }

        Duration elapsed(Instant now) {
            if (firstStart == null) {
                return Duration.ZERO;
            }
            Instant end = endedAt != null ? endedAt : now;
            return end.isBefore(firstStart) ? Duration.ZERO : Duration.between(firstStart, end);
        }
    }

    /** One attempt; guarded by the run's lock. */
    private static final class Attempt {
        final int number;
        final Instant sentAt;
        RefreshRef ref;
        CompletableFuture<?> polling;
        Future<?> timeout;
        Ending ending;
        Throwable pollFailure;
        boolean ended;
        /** Requested by an earlier console before it stopped. */
        boolean carried;

        Attempt(int number, Instant sentAt) {
            this.number = number;
            this.sentAt = sentAt;
        }

        String refreshId() {
            return ref == null ? null : ref.refreshId();
        }
    }
}
