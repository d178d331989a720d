package org.dbb.console.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.engine.RunEvent;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.TimelineEstimates;
import org.dbb.console.core.timeline.TimelineRecorder;

/**
 * The run this window launched or resumed: starts it on the engine, follows its events (batched onto the FX thread
 * through one {@link FxBatcher}) into a live {@link RunTimeline}, raises alerts, cancels it on request, and
 * releases its connection when it ends. One run at a time. Use on the FX thread.
 */
public final class RunSessionViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RunSessionViewModel.class);

    /** The run ended; carried through the same batcher as the events so it arrives after them. */
    private record Ended(RunOutcome outcome) {
    }

    /** Estimates from past runs arrived. */
    private record Estimated(String runId, TimelineEstimates estimates) {
    }

    private final ConsoleSession session;
    private final Dialogs dialogs;
    private final Executor background;
    private final Clock clock;
    private final Function<String, TimelineEstimates> estimates;
    private final FxBatcher<Object> events;
    private final ReadOnlyObjectWrapper<RunTimeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId", "");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline",
            "No run yet. Launch one (Ctrl+L), or open one from the history.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyObjectWrapper<RunOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableList<RunAlert> alerts = FXCollections.observableArrayList();
    private final java.util.List<Runnable> endListeners = new java.util.ArrayList<>();
    private TimelineRecorder recorder;
    private RunHandle handle;
    private PreparedRun prepared;

    /**
     * @param estimates loads how long an environment's runs usually take (blocking; called on {@code background})
     */
    public RunSessionViewModel(ConsoleSession session, Dialogs dialogs, Executor background, Executor fx, Clock clock,
                               Function<String, TimelineEstimates> estimates) {
        this.session = Objects.requireNonNull(session, "session");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.estimates = Objects.requireNonNull(estimates, "estimates");
        this.events = new FxBatcher<>(fx, this::apply);
    }

    /** Starts a prepared run; refused while another run of this window is going. */
    public boolean start(PreparedRun run) {
        if (running.get()) {
            dialogs.showError("A run is already going", "Run " + runId.get() + " is still running in this window. "
                    + "Wait for it to end or cancel it, then launch again.");
            run.close();
            return false;
        }
        begin(run, new TimelineRecorder(run.plan(), "pending"));
        RunHandle started = run.start(this::post);
        attach(started);
        return true;
    }

    /** Takes over an interrupted run under its own id. */
    public boolean resume(PreparedRun run, RunRecord record) {
        if (running.get()) {
            dialogs.showError("A run is already going", "Run " + runId.get() + " is still running in this window. "
                    + "Resume " + record.runId() + " after it ends.");
            run.close();
            return false;
        }
        begin(run, TimelineRecorder.resumed(run.plan(), record));
        attach(run.resume(record, this::post));
        return true;
    }

    private void begin(PreparedRun run, TimelineRecorder seed) {
        prepared = run;
        recorder = seed;
        alerts.clear();
        outcome.set(null);
        cancelling.set(false);
        running.set(true);
        state.set(RunState.PENDING);
        headline.set("Starting the run in " + run.plan().environment() + " …");
    }

    private void attach(RunHandle started) {
        handle = started;
        String id = started.runId();
        // The recorder was made before the engine named the run; a fresh one carries the id from the start.
        if (recorder.timeline().runId().equals("pending")) {
            recorder = new TimelineRecorder(prepared.plan(), id);
        }
        runId.set(id);
        session.activeRunProperty().set(started);
        publish();
        String environment = prepared.plan().environment();
        background.execute(() -> {
            try {
                events.post(new Estimated(id, estimates.apply(environment)));
            } catch (RuntimeException e) {
                LOG.warn("Past run durations of {} could not be read; the timeline shows no estimate", environment, e);
            }
        });
        started.completion().thenAccept(result -> events.post(new Ended(result)));
    }

    private void post(RunEvent event) {
        events.post(event);
    }

    /** Asks for confirmation, then cancels every job and refresh of the run. */
    public void cancel() {
        if (handle == null || !running.get() || cancelling.get()) {
            return;
        }
        long inFlight = recorder.timeline().allSteps().stream()
                .filter(s -> s.state() == StepState.RUNNING || s.state() == StepState.WAITING).count();
        if (!dialogs.confirm("Cancel run " + handle.runId() + "?", "The console cancels the " + inFlight
                + " step(s) in flight in Fabric and Power BI and skips the rest. A cancelled run can be re-run "
                + "from its stages later.", "Yes, cancel it")) {
            return;
        }
        cancelling.set(true);
        headline.set("Cancelling " + inFlight + " step(s) in Fabric and Power BI …");
        RunHandle target = handle;
        background.execute(target::cancel);
    }

    /** Runs {@code listener} on the FX thread each time a run of this session ends. */
    public void onRunEnded(Runnable listener) {
        endListeners.add(listener);
    }

    private void apply(List<Object> batch) {
        boolean changed = false;
        for (Object item : batch) {
            if (item instanceof RunEvent event && recorder != null && event.runId().equals(runId.get())) {
                recorder.accept(event);
                RunAlerts.of(event).ifPresent(alerts::add);
                changed = true;
            } else if (item instanceof Estimated e && e.runId().equals(runId.get()) && recorder != null) {
                recorder.estimates(e.estimates());
                changed = true;
            } else if (item instanceof Ended ended && ended.outcome().runId().equals(runId.get())) {
                finish(ended.outcome());
                changed = true;
            }
        }
        if (changed) {
            publish();
        }
    }

    private void finish(RunOutcome result) {
        outcome.set(result);
        running.set(false);
        cancelling.set(false);
        session.activeRunProperty().set(null);
        PreparedRun done = prepared;
        prepared = null;
        handle = null;
        // Closing stops an in-process sandbox emulator: not on the FX thread.
        background.execute(done::close);
        endListeners.forEach(Runnable::run);
    }

    private void publish() {
        RunTimeline now = recorder.timeline();
        timeline.set(now);
        session.activeTimelineProperty().set(now);
        RunOutcome ended = outcome.get();
        state.set(ended != null ? ended.state() : now.state());
        headline.set(ended != null ? endedHeadline(ended) : runningHeadline(now));
    }

    private String runningHeadline(RunTimeline now) {
        Optional<StageLane> current = now.stages().stream()
                .filter(s -> s.state() == StepState.RUNNING || s.state() == StepState.WAITING).findFirst();
        String elapsed = now.start().map(s -> " · " + Durations.words(Duration.between(s, clock.instant())))
                .orElse("");
        if (cancelling.get()) {
            return "Cancelling run " + now.runId() + elapsed + " …";
        }
        return "Run " + now.runId() + " in " + now.environment() + current.map(s -> " · stage " + s.number()
                + " of " + now.stages().size() + ": " + s.name()).orElse(" · starting") + elapsed;
    }

    private static String endedHeadline(RunOutcome ended) {
        String what = switch (ended.state()) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "was cancelled";
            default -> ended.state().name().toLowerCase(java.util.Locale.ROOT);
        };
        return "Run " + ended.runId() + " " + what + " after " + Durations.words(ended.duration())
                + ended.message().map(m -> ": " + m).orElse("");
    }

    public ReadOnlyObjectProperty<RunTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObservableList<RunAlert> alerts() {
        return alerts;
    }
}
