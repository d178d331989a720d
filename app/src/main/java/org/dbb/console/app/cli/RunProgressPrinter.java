package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.RunEvent;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

/**
 * Live terminal progress of one run, a line per change: stages as they start and end (with elapsed time), steps
 * with their attempt, waiting reasons, failures with their error, and a progress bar for the semantic refresh
 * fan-out. Line-oriented, so it reads the same in a terminal, a log file and CI. Called by the engine one event
 * at a time; prints under its own lock so the final summary never interleaves with a late event.
 */
final class RunProgressPrinter implements RunListener {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Set<StepState> ENDS = Set.of(StepState.SUCCEEDED, StepState.FAILED, StepState.SKIPPED,
            StepState.CANCELLED);
    private static final int BAR = 20;

    private final PrintWriter out;
    private final ZoneId zone;
    private final Map<String, Integer> maxAttempts = new LinkedHashMap<>();
    private final Map<String, Instant> stageStarts = new LinkedHashMap<>();
    private final Map<String, Duration> stageElapsed = new LinkedHashMap<>();
    private final Map<StepKey, Instant> stepStarts = new LinkedHashMap<>();
    /** Semantic refresh step → its models' latest states. */
    private final Map<StepKey, Map<String, StepState>> refreshes = new LinkedHashMap<>();
    private final Map<StepKey, Integer> caps = new LinkedHashMap<>();

    RunProgressPrinter(PrintWriter out, RunPlan plan, ZoneId zone) {
        this.out = Objects.requireNonNull(out, "out");
        this.zone = Objects.requireNonNull(zone, "zone");
        for (PlannedStage stage : plan.stages()) {
            remember(stage.name(), "", stage.steps());
        }
    }

    private void remember(String stage, String prefix, List<PlannedStep> steps) {
        for (PlannedStep step : steps) {
            String path = prefix.isEmpty() ? step.name() : prefix + "/" + step.name();
            maxAttempts.put(stage + "|" + path, step.retry().maxAttempts());
            if (step.action() instanceof StepAction.SemanticRefresh refresh) {
                Map<String, StepState> models = new LinkedHashMap<>();
                refresh.models().forEach(m -> models.put(m.name(), StepState.PENDING));
                refreshes.put(new StepKey(stage, path), models);
                caps.put(new StepKey(stage, path), refresh.cap());
                refresh.models().forEach(m -> maxAttempts.put(stage + "|" + path + "/" + m.name(),
                        refresh.perModel().maxAttempts()));
            } else if (step.action() instanceof StepAction.Condition condition) {
                remember(stage, path, condition.ifTrue());
                remember(stage, path, condition.ifFalse());
            }
        }
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (event instanceof RunEvent.StageStateChanged e) {
            stage(e);
        } else if (event instanceof RunEvent.StepStateChanged e) {
            step(e);
        } else if (event instanceof RunEvent.AttemptEnded e) {
            attemptEnded(e);
        } else if (event instanceof RunEvent.Overrun e) {
            line(e.at(), "  ! " + e.model() + " has been refreshing for " + Durations.text(e.elapsed())
                    + ", past its target of " + Durations.text(e.target()) + " (overrun; it goes on)");
        } else if (event instanceof RunEvent.BreachesFound e) {
            e.breaches().forEach(b -> line(e.at(), "  ! threshold breach: " + b.describe()));
        } else if (event instanceof RunEvent.MonitoringWriteFailed e) {
            line(e.at(), "  ! monitoring row not written for " + e.step().path() + ": " + e.message());
        }
        out.flush();
    }

    /** How long each stage ran, for the summary. */
    synchronized Map<String, Duration> stageElapsed() {
        return Map.copyOf(stageElapsed);
    }

    /** Prints a line with the lock held, for messages from outside the engine (e.g. cancelling). */
    synchronized void note(Instant at, String text) {
        line(at, text);
        out.flush();
    }

    private void stage(RunEvent.StageStateChanged e) {
        if (e.state() == StepState.RUNNING) {
            stageStarts.put(e.stage(), e.at());
        }
        StringBuilder text = new StringBuilder(String.format("%-18s %s", e.stage(), e.state()));
        if (ENDS.contains(e.state()) && stageStarts.containsKey(e.stage())) {
            Duration elapsed = Duration.between(stageStarts.get(e.stage()), e.at());
            stageElapsed.put(e.stage(), elapsed);
            text.append(" in ").append(Durations.text(elapsed));
        }
        e.reusedFrom().ifPresent(original -> text.append(" (reused from run ").append(original).append(')'));
        e.reason().ifPresent(reason -> text.append(" — ").append(reason));
        line(e.at(), text.toString());
    }

    private void step(RunEvent.StepStateChanged e) {
        StepKey key = e.step();
        StepKey parent = parentOf(key);
        if (parent != null && refreshes.containsKey(parent)) {
            refreshes.get(parent).put(key.name(), e.state());
        }
        String name = "  " + key.path();
        switch (e.state()) {
            case RUNNING -> {
                stepStarts.putIfAbsent(key, e.at());
                line(e.at(), name + " — running, attempt " + e.attempt() + " of " + attemptsOf(key));
            }
            case WAITING -> line(e.at(), name + " — waiting: " + e.waitReason().orElseThrow().text());
            case PENDING -> { }
            default -> {
                StringBuilder text = new StringBuilder(name + " — " + e.state());
                Instant started = stepStarts.get(key);
                if (started != null) {
                    text.append(" in ").append(Durations.text(Duration.between(started, e.at())));
                }
                if (e.attempt() > 1) {
                    text.append(" after ").append(e.attempt()).append(" attempts");
                }
                e.reusedFrom().ifPresent(original -> text.append(" (reused from run ").append(original)
                        .append(')'));
                if (e.reusedFrom().isEmpty()) {
                    e.message().ifPresent(m -> text.append(": ").append(m));
                }
                line(e.at(), text.toString());
            }
        }
        if (parent != null && refreshes.containsKey(parent) && e.state() != StepState.PENDING
                && e.state() != StepState.WAITING) {
            line(e.at(), "  " + parent.path() + " " + bar(parent));
        }
    }

    private void attemptEnded(RunEvent.AttemptEnded e) {
        if (e.status() == AttemptStatus.SUCCEEDED) {
            return;
        }
        StringBuilder text = new StringBuilder("  " + e.step().path() + " — attempt " + e.attempt() + " of "
                + attemptsOf(e.step()) + " " + e.status());
        e.errorCode().ifPresent(code -> text.append(' ').append(code));
        e.message().ifPresent(message -> text.append(": ").append(message));
        e.requestId().ifPresent(id -> text.append(" (request id ").append(id).append(')'));
        line(e.at(), text.toString());
    }

    private String bar(StepKey refresh) {
        Map<String, StepState> models = refreshes.get(refresh);
        long done = models.values().stream().filter(ENDS::contains).count();
        long running = models.values().stream().filter(s -> s == StepState.RUNNING).count();
        long waiting = models.values().stream().filter(s -> s == StepState.WAITING || s == StepState.PENDING)
                .count();
        long failed = models.values().stream().filter(s -> s == StepState.FAILED).count();
        int filled = models.isEmpty() ? BAR : (int) (BAR * done / models.size());
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + done + "/" + models.size() + " done"
                + (failed > 0 ? " (" + failed + " failed)" : "") + " · " + running + " refreshing · " + waiting
                + " waiting · cap " + caps.get(refresh);
    }

    /** The refresh conductor step a model step belongs to, or null for any other step. */
    private StepKey parentOf(StepKey key) {
        int slash = key.path().lastIndexOf('/');
        return slash < 0 ? null : new StepKey(key.stage(), key.path().substring(0, slash));
    }

    private int attemptsOf(StepKey key) {
        return maxAttempts.getOrDefault(key.stage() + "|" + key.path(), 1);
    }

    private void line(Instant at, String text) {
        out.println(CLOCK.format(at.atZone(zone)) + "  " + text);
    }
}
