package org.dbb.console.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.fabricruns.EnvironmentFabricRuns;
import org.dbb.console.core.history.HistoryQuery;
import org.dbb.console.core.history.HistorySource;
import org.dbb.console.core.history.RunHistory;
import org.dbb.console.core.history.RunHistoryEntry;
import org.dbb.console.core.history.RunHistoryStatus;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.journal.JdbcRunJournal;
import org.dbb.console.core.launch.RunLauncher;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.RunTimelines;
import org.dbb.console.core.timeline.TimelineEstimates;
import org.dbb.console.core.workspace.Workspace;

/**
 * The Runs page: the environment's run history (the console's runs and the runs Fabric started, read again as
 * often as Fabric allows), the run shown on the timeline (the live one, or a past one exactly as recorded), and the
 * actions on it (launch, cancel, re-run, resume), which the view carries out through {@link RunActions}. Reads
 * happen on the background executor; results reach the FX thread through one {@link FxBatcher}. Use on the FX thread.
 */
public final class RunsViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunsViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int HISTORY_LIMIT = 100;

    /** What the page asks the window to do: open dialogs whose outcome comes back to the session. FX thread. */
    public interface RunActions {
        void launch(Workspace workspace, String environment);

        void rerun(Workspace workspace, RunRecord original);

        void rerunFabric(Workspace workspace, RunHistoryEntry fabricRun);

        void resume(Workspace workspace, RunRecord interrupted);

        void showRows(String runId);
    }

    private sealed interface Update permits HistoryRead, Shown, EndedRecord, Failed {
    }

    private record HistoryRead(String environment, List<RunHistoryEntry> entries, Optional<String> fabricNote,
                               Duration nextPoll) implements Update {
    }

    private record Shown(String runId, RunTimeline timeline, Optional<RunRecord> record) implements Update {
    }

    /** The journal's record of the run this window just ran, which stays on the timeline after it ends. */
    private record EndedRecord(RunRecord record) implements Update {
    }

    private record Failed(String message) implements Update {
    }

    private final ConsoleSession session;
    private final RunSessionViewModel active;
    private final Supplier<JdbcRunJournal> journal;
    private final Supplier<RunLauncher> launcher;
    private final Function<Workspace, SandboxOptions> sandbox;
    private final Dialogs dialogs;
    private final ScheduledExecutorService background;
    private final Clock clock;
    private final FxBatcher<Update> updates;
    private final ObservableList<RunHistoryEntry> history = FXCollections.observableArrayList();
    private final ObjectProperty<RunHistoryEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<RunTimeline> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<RunRecord> shownRecord = new ReadOnlyObjectWrapper<>(this, "shownRecord");
    private final ReadOnlyStringWrapper historyStatus = new ReadOnlyStringWrapper(this, "historyStatus", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private RunActions actions;
    private EnvironmentFabricRuns fabric;
    private String fabricEnvironment;
    private ScheduledFuture<?> nextRead;
    private boolean closed;

    public RunsViewModel(ConsoleSession session, RunSessionViewModel active, Supplier<JdbcRunJournal> journal,
                         Supplier<RunLauncher> launcher, Function<Workspace, SandboxOptions> sandbox, Dialogs dialogs,
                         ScheduledExecutorService background, Executor fx, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.active = Objects.requireNonNull(active, "active");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.updates = new FxBatcher<>(fx, batch -> batch.forEach(this::apply));
        session.environmentProperty().addListener((obs, old, env) -> readHistory());
        session.workspaceProperty().addListener((obs, old, ws) -> readHistory());
        active.timelineProperty().addListener((obs, old, timeline) -> {
            if (timeline != null && isActive(selected.get())) {
                shown.set(timeline);
            }
        });
        active.runIdProperty().addListener((obs, old, id) -> {
            if (!id.isEmpty()) {
                selected.set(null);
                shown.set(active.timelineProperty().get());
                shownRecord.set(null);
                readHistory();
            }
        });
        active.onRunEnded(() -> {
            readHistory();
            readEndedRecord();
        });
        selected.addListener((obs, old, entry) -> show(entry));
        readHistory();
    }

    /** Where the page's actions go; set by the view. */
    public void actions(RunActions value) {
        this.actions = value;
    }

    public void launch() {
        Workspace ws = session.workspace();
        if (ws == null || session.environment() == null) {
            message.set("Open a workspace and choose an environment first.");
            return;
        }
        actions.launch(ws, session.environment());
    }

    public void cancel() {
        active.cancel();
    }

    /** Re-runs the shown run's failed stage: a console run through the re-run dialog, a Fabric run by its id. */
    public void rerun() {
        Workspace ws = session.workspace();
        RunHistoryEntry entry = selected.get();
        if (ws == null) {
            return;
        }
        if (entry != null && entry.origin() == RunOrigin.FABRIC) {
            actions.rerunFabric(ws, entry);
            return;
        }
        RunRecord record = shownRecord.get();
        if (record == null || !record.state().isTerminal()) {
            message.set("Select a console run that has ended (failed or cancelled) to re-run its stages.");
            return;
        }
        actions.rerun(ws, record);
    }

    public void resume() {
        Workspace ws = session.workspace();
        RunRecord record = shownRecord.get();
        RunHistoryEntry entry = selected.get();
        if (ws == null || record == null || entry == null || entry.status() != RunHistoryStatus.INTERRUPTED) {
            message.set("Select an interrupted run (the console stopped before it ended) to resume it.");
            return;
        }
        actions.resume(ws, record);
    }

    /** Shows the monitoring rows of the run on the timeline. */
    public void showRows() {
        RunTimeline timeline = shown.get();
        if (timeline != null) {
            actions.showRows(timeline.runId());
        }
    }

    /** Shows the live run again. */
    public void showActive() {
        selected.set(null);
        shown.set(active.timelineProperty().get());
        shownRecord.set(null);
    }

    /**
     * Reads the record of the run this window ran last, once it has ended: it is still the run on the timeline, so
     * Re-run acts on it without the operator having to find it in the history first.
     */
    private void readEndedRecord() {
        String id = active.runIdProperty().get();
        if (id.isEmpty() || selected.get() != null) {
            return;
        }
        background.execute(() -> {
            try {
                journal.get().find(id).ifPresent(record -> updates.post(new EndedRecord(record)));
            } catch (RuntimeException e) {
                updates.post(new Failed("Run " + id + " could not be read from the run journal: "
                        + e.getMessage()));
            }
        });
    }

    private boolean isActive(RunHistoryEntry entry) {
        return entry == null || entry.runId().equals(active.runIdProperty().get()) && active.runningProperty().get();
    }

    private void show(RunHistoryEntry entry) {
        if (entry == null) {
            return;
        }
        if (entry.runId().equals(active.runIdProperty().get()) && active.runningProperty().get()) {
            shown.set(active.timelineProperty().get());
            shownRecord.set(null);
            return;
        }
        message.set("Reading run " + entry.runId() + (entry.origin() == RunOrigin.FABRIC ? " from Fabric …"
                : " from the run journal …"));
        EnvironmentFabricRuns runs = fabric;
        background.execute(() -> {
            try {
                if (entry.origin() == RunOrigin.CONSOLE) {
                    RunRecord record = journal.get().find(entry.runId()).orElseThrow(() ->
                            new IllegalStateException("run " + entry.runId() + " is no longer in the journal"));
                    TimelineEstimates estimates = TimelineEstimates.load(journal.get(), entry.environment(), 20);
                    updates.post(new Shown(entry.runId(), RunTimelines.fromRecord(record, estimates),
                            Optional.of(record)));
                } else if (runs != null) {
                    RunHistory reader = new RunHistory(journal.get(), Optional.of(runs), clock);
                    updates.post(new Shown(entry.runId(), RunTimelines.fromFabric(reader.fabricDetail(entry.runId()),
                            entry.environment(), Optional.of(runs.workspaceId())), Optional.empty()));
                }
            } catch (RuntimeException e) {
                updates.post(new Failed("Run " + entry.runId() + " could not be read: " + e.getMessage()));
            }
        });
    }

    /** Reads the history again now, and then as often as Fabric allows. */
    public void readHistory() {
        if (closed) {
            return;
        }
        if (nextRead != null) {
            nextRead.cancel(false);
        }
        Workspace ws = session.workspace();
        String env = session.environment();
        if (ws == null || env == null) {
            return;
        }
        historyStatus.set("Reading the runs of " + env + " …");
        background.execute(() -> read(ws, env));
    }

    private synchronized void read(Workspace ws, String env) {
        Optional<String> note = Optional.empty();
        if (fabric == null || !env.equals(fabricEnvironment)) {
            closeFabric();
            try {
                fabric = launcher.get().openFabricRuns(ws, env, sandbox.apply(ws), Map.of());
                fabricEnvironment = env;
            } catch (RuntimeException e) {
                note = Optional.of("Runs Fabric started are not shown: " + e.getMessage());
            }
        }
        RunHistory reader = new RunHistory(journal.get(), Optional.ofNullable(fabric), clock);
        List<RunHistoryEntry> entries;
        try {
            entries = reader.list(HistoryQuery.newest(Optional.of(env), fabric == null ? HistorySource.CONSOLE
                    : HistorySource.ALL, HISTORY_LIMIT));
        } catch (RuntimeException e) {
            LOG.warn("Reading the Fabric runs of {} failed", env, e);
            note = Optional.of("Runs Fabric started could not be read: " + e.getMessage());
            entries = new RunHistory(journal.get(), Optional.empty(), clock).list(HistoryQuery.newest(
                    Optional.of(env), HistorySource.CONSOLE, HISTORY_LIMIT));
        }
        updates.post(new HistoryRead(env, entries, note, reader.nextPoll()));
    }

    private void apply(Update update) {
        if (update instanceof HistoryRead read) {
            if (!read.environment().equals(session.environment())) {
                return;
            }
            String keep = selected.get() == null ? null : selected.get().runId();
            history.setAll(read.entries().stream().map(this::asLive).toList());
            if (keep != null) {
                history.stream().filter(e -> e.runId().equals(keep)).findFirst().ifPresent(e -> {
                    if (!e.equals(selected.get())) {
                        selected.set(e);
                    }
                });
            }
            historyStatus.set(read.entries().size() + " runs · updated " + TIME.format(clock.instant())
                    + " · next in " + Math.max(1, read.nextPoll().toSeconds()) + " s"
                    + read.fabricNote().map(n -> " · " + n).orElse(""));
            if (!closed) {
                nextRead = background.schedule(this::readHistoryFromTimer, Math.max(1000, read.nextPoll().toMillis()),
                        TimeUnit.MILLISECONDS);
            }
        } else if (update instanceof Shown s) {
            RunHistoryEntry entry = selected.get();
            if (entry != null && entry.runId().equals(s.runId())) {
                shown.set(s.timeline());
                shownRecord.set(s.record().orElse(null));
                message.set("");
            }
        } else if (update instanceof EndedRecord ended) {
            if (selected.get() == null && !active.runningProperty().get()
                    && ended.record().runId().equals(active.runIdProperty().get())) {
                shownRecord.set(ended.record());
            }
        } else if (update instanceof Failed f) {
            message.set(f.message());
        }
    }

    /** The journal has no end for the run going in this window; it is running, not interrupted. */
    private RunHistoryEntry asLive(RunHistoryEntry e) {
        if (e.origin() != RunOrigin.CONSOLE || e.status() != RunHistoryStatus.INTERRUPTED
                || !active.runningProperty().get() || !e.runId().equals(active.runIdProperty().get())) {
            return e;
        }
        return new RunHistoryEntry(e.origin(), e.runId(), e.environment(), RunHistoryStatus.RUNNING, "RUNNING",
                e.startedBy(), e.invokeType(), e.start(), e.end(), e.rerunOf(), e.rerunOfOrigin(), e.rerunBy(),
                e.failedStage(), e.failure());
    }

    private void readHistoryFromTimer() {
        Workspace ws = session.workspace();
        String env = session.environment();
        if (ws != null && env != null && !closed) {
            read(ws, env);
        }
        RunHistoryEntry entry = selected.get();
        if (entry != null && entry.origin() == RunOrigin.FABRIC && !entry.status().isTerminal()) {
            show(entry);
        }
    }

    private void closeFabric() {
        if (fabric != null) {
            fabric.close();
            fabric = null;
            fabricEnvironment = null;
        }
    }

    public ObservableList<RunHistoryEntry> history() {
        return history;
    }

    public ObjectProperty<RunHistoryEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<RunTimeline> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunRecord> shownRecordProperty() {
        return shownRecord.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty historyStatusProperty() {
        return historyStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public RunSessionViewModel active() {
        return active;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (nextRead != null) {
            nextRead.cancel(false);
        }
        closeFabric();
    }
}
