package org.dbb.console.core.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.dbb.console.core.fabricruns.EnvironmentFabricRuns;
import org.dbb.console.core.fabricruns.FabricRunDetail;
import org.dbb.console.core.fabricruns.FabricRunSummary;
import org.dbb.console.core.journal.JdbcRunJournal;
import org.dbb.console.core.journal.RunQuery;
import org.dbb.console.core.journal.RunSummary;

/**
 * The run history of an environment: the runs the console started (its journal) and the runs Fabric started of the
 * master pipeline (the Fabric API), merged newest first and linked both ways where a console run re-ran part of a
 * Fabric run. Every method but {@link #nextPoll()} and {@link #lastFabricRead()} blocks on the database or the
 * network, so call them off the UI thread; a UI refreshes after {@link #nextPoll()}. Thread-safe.
 */
public final class RunHistory {

    /** How often a history without Fabric is worth reading again: the journal is local and cheap to read. */
    public static final Duration CONSOLE_ONLY_POLL = Duration.ofSeconds(5);
    /** How many runs are read to filter by status: Fabric keeps about 100 finished runs anyway. */
    private static final int FILTER_WINDOW = 100;

    private final JdbcRunJournal journal;
    private final Optional<EnvironmentFabricRuns> fabric;
    private final Clock clock;
    private final AtomicReference<Instant> lastFabricRead = new AtomicReference<>();

    /**
     * @param journal the console's run journal
     * @param fabric  the environment's Fabric runs, when Fabric can be reached; the caller keeps it open and closes it
     */
    public RunHistory(JdbcRunJournal journal, Optional<EnvironmentFabricRuns> fabric, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.fabric = Objects.requireNonNull(fabric, "fabric");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The Fabric side of the history, when it reads Fabric. */
    public Optional<EnvironmentFabricRuns> fabric() {
        return fabric;
    }

    /**
     * The newest runs matching {@code query}. Blocks on the journal and, for Fabric runs, on the Fabric API.
     *
     * @throws IllegalArgumentException when the query asks for Fabric runs and this history reads no Fabric, or for
     *                                  an environment other than the one it reads Fabric for
     * @throws org.dbb.console.core.fabric.http.FabricApiException when Fabric cannot be read
     */
    public List<RunHistoryEntry> list(HistoryQuery query) {
        Optional<String> environment = query.environment().or(() -> fabric.filter(f -> query.source()
                .includesFabric()).map(EnvironmentFabricRuns::environment));
        int window = query.status().isPresent() ? Math.max(FILTER_WINDOW, query.limit()) : query.limit();
        List<RunHistoryEntry> entries = new ArrayList<>();
        if (query.source().includesFabric()) {
            EnvironmentFabricRuns runs = fabric.orElseThrow(() -> new IllegalArgumentException(
                    "this history reads no Fabric; open it with the environment's Fabric runs to list them"));
            if (!environment.orElseThrow().equals(runs.environment())) {
                throw new IllegalArgumentException("this history reads Fabric for " + runs.environment() + ", not "
                        + environment.get());
            }
            List<FabricRunSummary> recent = runs.recent(window);
            lastFabricRead.set(clock.instant());
            Map<String, List<RunSummary>> reruns = journal.rerunsOf(recent.stream()
                    .map(FabricRunSummary::jobInstanceId).toList());
            for (FabricRunSummary run : recent) {
                entries.add(fabricEntry(runs.environment(), run, reruns.getOrDefault(run.jobInstanceId(),
                        List.of())));
            }
        }
        if (query.source().includesConsole()) {
            List<RunSummary> runs = journal.list(new RunQuery(environment, Optional.empty(), window));
            Map<String, List<RunSummary>> reruns = journal.rerunsOf(runs.stream().map(RunSummary::runId).toList());
            for (RunSummary run : runs) {
                entries.add(consoleEntry(run, reruns.getOrDefault(run.runId(), List.of())));
            }
        }
        return entries.stream().filter(e -> query.status().map(s -> s == e.status()).orElse(true))
                .sorted(Comparator.comparing((RunHistoryEntry e) -> e.start().orElse(Instant.MAX)).reversed())
                .limit(query.limit()).toList();
    }

    /**
     * One Fabric run stage by stage. Blocks on the Fabric API.
     *
     * @throws org.dbb.console.core.fabricruns.UnknownFabricRunException when Fabric has no run with that id
     * @throws IllegalStateException when this history reads no Fabric
     */
    public FabricRunDetail fabricDetail(String jobInstanceId) {
        EnvironmentFabricRuns runs = fabric.orElseThrow(() -> new IllegalStateException(
                "this history reads no Fabric"));
        FabricRunDetail detail = runs.detail(jobInstanceId);
        lastFabricRead.set(clock.instant());
        return detail;
    }

    /** The console runs that re-ran part of {@code runId} (a console run or a Fabric run), newest first. */
    public List<RunSummary> rerunsOf(String runId) {
        return journal.rerunsOf(List.of(runId)).getOrDefault(runId, List.of());
    }

    /**
     * How long a UI should wait before reading the history again: what Fabric last asked for (a job instance's or a
     * throttled call's {@code Retry-After}, never under the polling floor), or {@link #CONSOLE_ONLY_POLL} when this
     * history reads no Fabric. Does not block.
     */
    public Duration nextPoll() {
        return fabric.map(EnvironmentFabricRuns::nextPoll).orElse(CONSOLE_ONLY_POLL);
    }

    /** When Fabric was last read successfully; empty before the first read. Does not block. */
    public Optional<Instant> lastFabricRead() {
        return Optional.ofNullable(lastFabricRead.get());
    }

    private static RunHistoryEntry fabricEntry(String environment, FabricRunSummary run, List<RunSummary> reruns) {
        return new RunHistoryEntry(RunOrigin.FABRIC, run.jobInstanceId(), environment,
                RunHistoryStatus.ofFabric(run.status()), run.statusText(), run.startedBy(),
                Optional.of(run.invokeType()), run.start(), run.end(), Optional.empty(), Optional.empty(),
                reruns.stream().filter(RunSummary::rerunOfFabricRun).map(RunSummary::runId).toList(),
                Optional.empty(), run.failure().map(f -> f.errorCode() + ": " + f.message()));
    }

    private static RunHistoryEntry consoleEntry(RunSummary run, List<RunSummary> reruns) {
        RunHistoryStatus status = RunHistoryStatus.ofConsole(run.state(), run.endedAt().isPresent());
        return new RunHistoryEntry(RunOrigin.CONSOLE, run.runId(), run.environment(), status,
                status == RunHistoryStatus.INTERRUPTED ? status.name() : run.state().name(), run.operator(),
                Optional.empty(), Optional.of(run.createdAt()), run.endedAt(), run.rerunOf(), run.rerunOfOrigin(),
                reruns.stream().filter(r -> !r.rerunOfFabricRun()).map(RunSummary::runId).toList(),
                run.failedStage(), Optional.empty());
    }
}
