package org.dbb.console.app.monitoring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringCsv;
import org.dbb.console.core.monitoring.MonitoringQuery;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.Subscription;
import org.dbb.console.core.problem.InvalidInputException;

/**
 * The live monitoring page: the newest rows of {@code meta.monitoring_integration} for the session's environment
 * (or every row of one run), followed as new rows are written by this or any other process, with filters, counts,
 * a follow mode, the selected row's details and CSV export.
 *
 * <p>Threading: reading, following and exporting run on the background executor and the store's scheduler; rows
 * reach the FX executor only through {@link FxBatcher}, a batch per hand-over, and every property and list changes
 * there. A batch of new rows is filtered on its own, never by re-scanning the rows already shown. Call commands on
 * the FX thread (view-model tests call them from their own thread, with an FX executor they drain themselves).
 */
public final class MonitoringViewModel implements AutoCloseable {

    /** How many of an environment's newest rows are read when the page opens; every later row is followed. */
    public static final int NEWEST_ROWS = 20_000;
    /** The most rows of one run read by {@link #showRun}. */
    public static final int RUN_ROWS = 100_000;
    /** The most rows kept in memory; beyond it the oldest fifth is let go, so a week of following stays light. */
    public static final int MAX_ROWS = 250_000;
    private static final int PROGRESS_EVERY = 2_000;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ConsoleSession session;
    private final MonitoringStoreSource stores;
    private final AtomicFileWriter writer;
    private final Dialogs dialogs;
    private final Clock clock;
    private final Executor background;
    private final FxBatcher<Arrival> arrivals;
    private final FxBatcher<ExportEvent> exportEvents;
    private final ChangeListener<String> environmentListener = (obs, old, now) -> showEnvironment();

    // FX-thread state
    private final List<MonitoringRow> all = new ArrayList<>();
    private final RowCounts shownCounts = new RowCounts();
    private final Set<String> knownStages = new HashSet<>();
    private RowFilter filter = RowFilter.NONE;
    private long generation;
    private String runScope;
    private boolean cappedAtLoad;
    private boolean trimmed;

    // Shared with the threads that read and follow
    private final Object subscriptionLock = new Object();
    private long liveGeneration;
    private Subscription subscription;
    private boolean closed;

    // Properties
    private final ReadOnlyObjectWrapper<MonitoringState> state = new ReadOnlyObjectWrapper<>(this, "state",
            MonitoringState.NO_ENVIRONMENT);
    private final ReadOnlyStringWrapper waitingFor = new ReadOnlyStringWrapper(this, "waitingFor", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ObservableList<MonitoringRow> rows = FXCollections.observableArrayList();
    // One read-only view each, kept: such a view holds its listeners only while it is itself referenced.
    private final ObservableList<MonitoringRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> stages = FXCollections.observableArrayList();
    private final ObservableList<String> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final StringProperty runIdFilter = new SimpleStringProperty(this, "runIdFilter", "");
    private final ObjectProperty<String> stageFilter = new SimpleObjectProperty<>(this, "stageFilter");
    private final ObservableSet<MonitoringStatus> statusFilter = FXCollections.observableSet(
            EnumSet.noneOf(MonitoringStatus.class));
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ReadOnlyStringWrapper statusSummary = new ReadOnlyStringWrapper(this, "statusSummary",
            "All statuses");
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
    private final ReadOnlyIntegerWrapper newWhilePaused = new ReadOnlyIntegerWrapper(this, "newWhilePaused");
    private final ReadOnlyStringWrapper pausedText = new ReadOnlyStringWrapper(this, "pausedText", "");
    private final ObjectProperty<MonitoringRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ObservableList<DetailField> details = FXCollections.observableArrayList();
    private final ObservableList<DetailField> detailsView = FXCollections.unmodifiableObservableList(details);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress");
    private final ReadOnlyStringWrapper exportResult = new ReadOnlyStringWrapper(this, "exportResult", "");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(this, "canExport");

    /**
     * @param session    the window's session; its selected environment decides which rows are shown
     * @param stores     where an environment's rows are kept; asked on {@code background}
     * @param writer     writes exports atomically
     * @param dialogs    asks where to export and shows export failures
     * @param clock      names export files
     * @param background reads the store and writes exports
     * @param fx         the FX executor ({@code FxExecutor} in the app, one the test drains in tests)
     */
    public MonitoringViewModel(ConsoleSession session, MonitoringStoreSource stores, AtomicFileWriter writer,
                               Dialogs dialogs, Clock clock, Executor background, Executor fx) {
        this.session = Objects.requireNonNull(session, "session");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background");
        this.arrivals = new FxBatcher<>(fx, this::receive);
        this.exportEvents = new FxBatcher<>(fx, this::exportUpdate);
        runIdFilter.addListener((obs, old, now) -> refilter());
        stageFilter.addListener((obs, old, now) -> refilter());
        textFilter.addListener((obs, old, now) -> refilter());
        statusFilter.addListener((SetChangeListener<MonitoringStatus>) change -> {
            statusSummary.set(summaryOf(statusFilter));
            refilter();
        });
        following.addListener((obs, was, now) -> {
            if (now) {
                newWhilePaused.set(0);
            }
            updatePausedText();
        });
        newWhilePaused.addListener((obs, old, now) -> updatePausedText());
        selectedRow.addListener((obs, old, row) -> details.setAll(row == null ? List.of()
                : MonitoringCells.details(row)));
        canExport.bind(exporting.not().and(Bindings.isNotEmpty(rows)));
        session.environmentProperty().addListener(environmentListener);
        reload();
    }

    // Commands

    /** Shows the session environment's rows again (after {@link #showRun}), read afresh from its store. */
    public void showEnvironment() {
        runScope = null;
        reload();
    }

    /**
     * Shows every row of run {@code runId} exactly as the store holds them, oldest first, and any it gets later
     * while the run goes on. Clears the filters, so no row of the run is hidden.
     */
    public void showRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        runScope = runId;
        // Reloading first lets go of the rows held now, so clearing the filters does not re-scan them.
        reload();
        clearFilters();
    }

    /** Clears every filter, so every row read is shown. */
    public void clearFilters() {
        runIdFilter.set("");
        stageFilter.set(null);
        statusFilter.clear();
        textFilter.set("");
    }

    /** Reads the rows again from the store: after a failure, or to start over. */
    public void reload() {
        long gen = ++generation;
        Subscription old;
        synchronized (subscriptionLock) {
            liveGeneration = gen;
            old = subscription;
            subscription = null;
        }
        if (old != null) {
            old.close();
        }
        clearRows();
        following.set(true);
        failure.set("");
        String environment = session.environment();
        String run = runScope;
        if (closed || (environment == null && run == null)) {
            state.set(MonitoringState.NO_ENVIRONMENT);
            waitingFor.set("");
            scope.set("Choose an environment to see its monitoring rows.");
            return;
        }
        state.set(MonitoringState.LOADING);
        waitingFor.set(run != null ? "Loading the rows of run " + run + " …"
                : "Loading the monitoring rows of " + environment + " …");
        scope.set(run != null ? "Rows of run " + run : "Rows of " + environment);
        background.execute(() -> load(gen, environment, run));
    }

    /** The operator scrolled away from the newest row: stop following and count what arrives meanwhile. */
    public void scrolledAwayFromNewest() {
        following.set(false);
    }

    /** The operator scrolled back to the newest row: follow again. */
    public void scrolledToNewest() {
        following.set(true);
    }

    /** Follows again, showing the newest row. */
    public void resume() {
        following.set(true);
    }

    /**
     * Asks where to save and writes the rows the filters show, as RFC 4180 CSV, on the background executor;
     * progress and the outcome arrive through {@link #exportProgressProperty()} and {@link #exportResultProperty()}.
     */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseSaveFile("Export monitoring rows", suggestedFileName(),
                "CSV files (*.csv)", "csv");
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get();
        List<MonitoringRow> snapshot = List.copyOf(rows);
        exporting.set(true);
        exportProgress.set(0);
        exportResult.set("");
        waitingFor.set("Writing " + RowCounts.number(snapshot.size()) + (snapshot.size() == 1 ? " row" : " rows")
                + " to " + target + " …");
        background.execute(() -> write(target, snapshot));
    }

    /** Stops following; the page shows nothing new after this. */
    @Override
    public void close() {
        session.environmentProperty().removeListener(environmentListener);
        Subscription old;
        synchronized (subscriptionLock) {
            closed = true;
            liveGeneration = -1;
            old = subscription;
            subscription = null;
        }
        if (old != null) {
            old.close();
        }
    }

    // Background work

    private void load(long gen, String environment, String run) {
        try {
            JdbcMonitoringStore store = stores.storeFor(environment);
            arrivals.post(new Waiting(gen, "Loading rows from " + store.description()));
            MonitoringQuery query = run != null ? MonitoringQuery.ALL.withRunId(run)
                    : MonitoringQuery.ALL.withEnvironment(environment);
            int limit = run != null ? RUN_ROWS : NEWEST_ROWS;
            // Read before the newest rows, so a row committed in between is delivered once: by the read or the
            // follower.
            long mark = store.lastId();
            List<MonitoringRow> newest = store.latest(query, limit);
            long after = newest.isEmpty() ? mark
                    : Math.max(mark, newest.get(newest.size() - 1).id().orElse(mark));
            arrivals.post(new Loaded(gen, newest, newest.size() == limit, limit));
            Subscription follower = store.subscribe(after, query, batch -> arrivals.post(new Appended(gen, batch)));
            synchronized (subscriptionLock) {
                if (liveGeneration == gen) {
                    subscription = follower;
                    return;
                }
            }
            follower.close();
        } catch (RuntimeException e) {
            arrivals.post(new Failed(gen, messageOf(e)));
        }
    }

    private void write(Path target, List<MonitoringRow> snapshot) {
        try {
            StringBuilder csv = new StringBuilder(snapshot.size() * 160 + 256).append(MonitoringCsv.header());
            for (int i = 0; i < snapshot.size(); i++) {
                MonitoringCsv.appendRecord(csv, snapshot.get(i));
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    // Building the text is most of the work; the last tenth is left for writing the file.
                    exportEvents.post(new ExportProgress(0.9 * (i + 1) / snapshot.size()));
                }
            }
            writer.write(target, csv.toString().getBytes(StandardCharsets.UTF_8));
            exportEvents.post(new ExportDone(target, snapshot.size()));
        } catch (InvalidInputException e) {
            exportEvents.post(new ExportFailed(target, e.problems().get(0).message()));
        } catch (RuntimeException e) {
            exportEvents.post(new ExportFailed(target, messageOf(e)));
        }
    }

    // FX-thread handling

    private void receive(List<Arrival> batch) {
        List<MonitoringRow> matched = new ArrayList<>();
        boolean counted = false;
        for (Arrival arrival : batch) {
            if (arrival.generation() != generation) {
                continue;
            }
            if (arrival instanceof Waiting w) {
                waitingFor.set(w.what());
            } else if (arrival instanceof Loaded l) {
                ingest(l.rows(), matched);
                cappedAtLoad = l.capped();
                state.set(MonitoringState.LIVE);
                waitingFor.set("");
                updateScope(l.limit());
            } else if (arrival instanceof Appended a) {
                int before = matched.size();
                ingest(a.rows(), matched);
                if (!following.get()) {
                    newWhilePaused.set(newWhilePaused.get() + matched.size() - before);
                }
            } else if (arrival instanceof Failed f) {
                state.set(MonitoringState.FAILED);
                waitingFor.set("");
                failure.set("The monitoring rows could not be read: " + f.message());
            }
            counted = true;
        }
        if (!matched.isEmpty()) {
            rows.addAll(matched);
        }
        if (all.size() > MAX_ROWS) {
            trimOldest();
        }
        if (counted) {
            updateCounts();
        }
    }

    private void ingest(List<MonitoringRow> arrived, List<MonitoringRow> matched) {
        all.addAll(arrived);
        for (MonitoringRow row : arrived) {
            if (knownStages.add(row.stage())) {
                stages.add(row.stage());
            }
            if (filter.matches(row)) {
                matched.add(row);
                shownCounts.add(row);
            }
        }
    }

    private void trimOldest() {
        int drop = all.size() - MAX_ROWS * 4 / 5;
        long lastDropped = all.get(drop - 1).id().orElse(Long.MIN_VALUE);
        all.subList(0, drop).clear();
        // Both lists are in id order, so the shown rows to let go are a prefix as well.
        int shownDrop = 0;
        while (shownDrop < rows.size() && rows.get(shownDrop).id().orElse(Long.MIN_VALUE) <= lastDropped) {
            shownCounts.remove(rows.get(shownDrop));
            shownDrop++;
        }
        if (shownDrop > 0) {
            rows.remove(0, shownDrop);
        }
        trimmed = true;
        updateScope(0);
    }

    private void refilter() {
        RowFilter next = new RowFilter(runIdFilter.get(), Optional.ofNullable(stageFilter.get()),
                Set.copyOf(statusFilter), textFilter.get());
        if (next.equals(filter)) {
            return;
        }
        filter = next;
        shownCounts.clear();
        List<MonitoringRow> matched = new ArrayList<>();
        for (MonitoringRow row : all) {
            if (next.matches(row)) {
                matched.add(row);
                shownCounts.add(row);
            }
        }
        rows.setAll(matched);
        newWhilePaused.set(0);
        updateCounts();
    }

    private void clearRows() {
        all.clear();
        rows.clear();
        shownCounts.clear();
        knownStages.clear();
        stages.clear();
        selectedRow.set(null);
        newWhilePaused.set(0);
        cappedAtLoad = false;
        trimmed = false;
        counts.set("");
    }

    private void updateCounts() {
        counts.set(shownCounts.describe(all.size(), filter.active()));
    }

    private void updateScope(int limit) {
        String base = runScope != null ? "Rows of run " + runScope : "Rows of " + session.environment();
        if (trimmed) {
            base += " · the newest " + RowCounts.number(MAX_ROWS * 4 / 5) + " or more are kept";
        } else if (cappedAtLoad && limit > 0) {
            base += " · the newest " + RowCounts.number(limit) + " and every one since";
        }
        scope.set(base);
    }

    private void updatePausedText() {
        if (following.get()) {
            pausedText.set("");
            return;
        }
        int n = newWhilePaused.get();
        pausedText.set(n == 0 ? "Paused" : "Paused — " + RowCounts.number(n) + (n == 1 ? " new row" : " new rows"));
    }

    private void exportUpdate(List<ExportEvent> events) {
        for (ExportEvent event : events) {
            if (event instanceof ExportProgress p) {
                exportProgress.set(p.fraction());
            } else if (event instanceof ExportDone d) {
                exporting.set(false);
                exportProgress.set(1);
                waitingFor.set("");
                exportResult.set("Exported " + RowCounts.number(d.rows()) + (d.rows() == 1 ? " row" : " rows")
                        + " to " + d.target());
            } else if (event instanceof ExportFailed f) {
                exporting.set(false);
                exportProgress.set(0);
                waitingFor.set("");
                exportResult.set("The export to " + f.target() + " failed: " + f.message());
                dialogs.showError("Export failed", "The monitoring rows could not be written to " + f.target()
                        + ": " + f.message() + ". Nothing was written; choose another file or folder and export"
                        + " again.");
            }
        }
    }

    private String suggestedFileName() {
        String what = runScope != null ? "run-" + runScope : String.valueOf(session.environment());
        return "monitoring-" + what.replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + FILE_STAMP.format(clock.instant())
                + ".csv";
    }

    private static String summaryOf(Set<MonitoringStatus> chosen) {
        if (chosen.isEmpty()) {
            return "All statuses";
        }
        if (chosen.size() > 2) {
            return chosen.size() + " statuses";
        }
        return String.join(", ", EnumSet.copyOf(chosen).stream().map(MonitoringStatus::wireName).toList());
    }

    private static String messageOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    // Property accessors

    /** Where the page stands. */
    public ReadOnlyObjectProperty<MonitoringState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the page waits for, as a sentence ("Loading rows from …/dbb-console.mv.db"); empty when idle. */
    public ReadOnlyStringProperty waitingForProperty() {
        return waitingFor.getReadOnlyProperty();
    }

    /** Why the rows could not be read, while {@link MonitoringState#FAILED}; empty otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Which rows the page holds: an environment's newest, or one run's. */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    /** "12,345 rows · 3 failed · 1 breach", or "1,204 of 12,345 rows · …" while a filter hides rows. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The rows the filters let through, oldest first; grows at the end as rows arrive. */
    public ObservableList<MonitoringRow> rows() {
        return rowsView;
    }

    /** The stages seen so far, in the order they first appeared: what the stage filter offers. */
    public ObservableList<String> stages() {
        return stagesView;
    }

    /** Part of a run id (any case); empty shows every run. */
    public StringProperty runIdFilterProperty() {
        return runIdFilter;
    }

    /** One stage; null shows every stage. */
    public ObjectProperty<String> stageFilterProperty() {
        return stageFilter;
    }

    /** The statuses to show; empty shows every status. */
    public ObservableSet<MonitoringStatus> statusFilter() {
        return statusFilter;
    }

    /** Text found (any case) in the activity, item, error code or message; empty shows every row. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** What the status filter shows: "All statuses", "Failed, TimedOut" or "3 statuses". */
    public ReadOnlyStringProperty statusSummaryProperty() {
        return statusSummary.getReadOnlyProperty();
    }

    /** Whether the newest row is kept in view; turns off when the operator scrolls away from it. */
    public BooleanProperty followingProperty() {
        return following;
    }

    /** Rows that arrived (and pass the filters) since following paused. */
    public ReadOnlyIntegerProperty newWhilePausedProperty() {
        return newWhilePaused.getReadOnlyProperty();
    }

    /** "Paused — 1,204 new rows" while paused; empty while following. */
    public ReadOnlyStringProperty pausedTextProperty() {
        return pausedText.getReadOnlyProperty();
    }

    /** The row the operator selected; null when none. */
    public ObjectProperty<MonitoringRow> selectedRowProperty() {
        return selectedRow;
    }

    /** Every column of the selected row; empty when none is selected. */
    public ObservableList<DetailField> details() {
        return detailsView;
    }

    /** Whether an export is being written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** How far the export is, 0 to 1. */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    /** The last export's outcome ("Exported 12,345 rows to …"); empty before any. */
    public ReadOnlyStringProperty exportResultProperty() {
        return exportResult.getReadOnlyProperty();
    }

    /** Whether {@link #export()} would export something now: rows are shown and no export is running. */
    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    /** The run shown by {@link #showRun}; empty while the environment's rows are shown. */
    public Optional<String> shownRun() {
        return Optional.ofNullable(runScope);
    }

    /** The statuses an operator can filter on, in the table's order. */
    public static List<MonitoringStatus> statuses() {
        return Collections.unmodifiableList(List.of(MonitoringStatus.values()));
    }

    // What crosses from the reading threads to the FX thread

    /** Something the reading threads hand to the FX thread for one load (its generation). */
    private sealed interface Arrival permits Waiting, Loaded, Appended, Failed {
        long generation();
    }

    private record Waiting(long generation, String what) implements Arrival {
    }

    private record Loaded(long generation, List<MonitoringRow> rows, boolean capped, int limit) implements Arrival {
    }

    private record Appended(long generation, List<MonitoringRow> rows) implements Arrival {
    }

    private record Failed(long generation, String message) implements Arrival {
    }

    /** What an export hands to the FX thread. */
    private sealed interface ExportEvent permits ExportProgress, ExportDone, ExportFailed {
    }

    private record ExportProgress(double fraction) implements ExportEvent {
    }

    private record ExportDone(Path target, int rows) implements ExportEvent {
    }

    private record ExportFailed(Path target, String message) implements ExportEvent {
    }
}
