package org.dbb.console.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every event of a run, for assertions. Thread-safe. */
final class RecordingListener implements RunListener {

    private final List<RunEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(RunEvent event) {
        events.add(event);
    }

    synchronized List<RunEvent> all() {
        return List.copyOf(events);
    }

    <T extends RunEvent> List<T> of(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The state changes of one step, by path. */
    List<RunEvent.StepStateChanged> step(String path) {
        return of(RunEvent.StepStateChanged.class).stream().filter(e -> e.step().path().equals(path)).toList();
    }

    /** The last state a step reached. */
    Optional<StepState> last(String path) {
        List<RunEvent.StepStateChanged> changes = step(path);
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1).state());
    }

    List<RunEvent.AttemptEnded> attemptsEnded(String path) {
        return of(RunEvent.AttemptEnded.class).stream().filter(e -> e.step().path().equals(path)).toList();
    }

    List<RunEvent.AttemptStarted> attemptsStarted(String path) {
        return of(RunEvent.AttemptStarted.class).stream().filter(e -> e.step().path().equals(path)).toList();
    }
}
