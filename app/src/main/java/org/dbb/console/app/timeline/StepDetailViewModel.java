package org.dbb.console.app.timeline;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.Breach;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.StepRow;
import org.dbb.console.core.timeline.WaitSpan;

/**
 * The selected stage or step in full: its state and times, every attempt with its Fabric job instance or refresh
 * id, the last error (code, message, request id) to read and copy, its wait history, its nested rows (a stage's
 * steps, a fan-out's items, a child pipeline's activity runs), monitoring breaches, where a re-run reused it from
 * and the refresh target it overran; plus a link to its item in the Fabric portal. {@link #show} may be called on
 * every timeline update; lists change only when their content does, so tables keep their scroll and selection.
 * Use on the FX thread only (tests use it from their own thread, without a toolkit).
 */
public final class StepDetailViewModel {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss O");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;
    private final Function<StepRow, Optional<URI>> portalLinks;
    private final LinkOpener links;
    private final TextClipboard clipboard;
    private RunTimeline timeline;
    private RowId shown;
    private Optional<Located> located = Optional.empty();

    // Properties
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ObservableList<DetailFact> facts = FXCollections.observableArrayList();
    private final ObservableList<DetailFact> factsView = FXCollections.unmodifiableObservableList(facts);
    private final ReadOnlyObjectWrapper<URI> portalLink = new ReadOnlyObjectWrapper<>(this, "portalLink");
    private final ReadOnlyBooleanWrapper errorPresent = new ReadOnlyBooleanWrapper(this, "errorPresent");
    private final ReadOnlyStringWrapper errorSource = new ReadOnlyStringWrapper(this, "errorSource", "");
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper(this, "errorCode", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper requestId = new ReadOnlyStringWrapper(this, "requestId", "");
    private final ReadOnlyStringWrapper idTitle = new ReadOnlyStringWrapper(this, "idTitle", "Job instance id");
    private final ObservableList<AttemptRow> attempts = FXCollections.observableArrayList();
    private final ObservableList<AttemptRow> attemptsView = FXCollections.unmodifiableObservableList(attempts);
    private final ObservableList<WaitRow> waits = FXCollections.observableArrayList();
    private final ObservableList<WaitRow> waitsView = FXCollections.unmodifiableObservableList(waits);
    private final ReadOnlyStringWrapper childrenTitle = new ReadOnlyStringWrapper(this, "childrenTitle", "");
    private final ReadOnlyStringWrapper childrenNote = new ReadOnlyStringWrapper(this, "childrenNote", "");
    private final ObservableList<ChildRow> children = FXCollections.observableArrayList();
    private final ObservableList<ChildRow> childrenView = FXCollections.unmodifiableObservableList(children);
    private final ObservableList<BreachRow> breaches = FXCollections.observableArrayList();
    private final ObservableList<BreachRow> breachesView = FXCollections.unmodifiableObservableList(breaches);

    /**
     * @param clock       the operator's clock: durations of what still runs, and the zone times are shown in
     * @param portalLinks the Fabric portal page of a step's item, when there is one
     * @param links       opens the portal link
     * @param clipboard   takes copied error details and ids
     */
    public StepDetailViewModel(Clock clock, Function<StepRow, Optional<URI>> portalLinks, LinkOpener links,
                               TextClipboard clipboard) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.portalLinks = Objects.requireNonNull(portalLinks, "portalLinks");
        this.links = Objects.requireNonNull(links, "links");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
    }

    // Commands

    /** Shows row {@code selection} of {@code run}; a null run or selection, or a row not in it, shows nothing. */
    public void show(RunTimeline run, RowId selection) {
        timeline = run;
        shown = selection;
        refresh();
    }

    /** Recomputes what is shown against the clock, so running attempts and open waits count up. */
    public void refresh() {
        Optional<StageLane> lane = timeline == null || shown == null ? Optional.empty()
                : timeline.stage(shown.stage());
        if (lane.isEmpty()) {
            clear();
            return;
        }
        if (shown.isStage()) {
            showStage(lane.get());
            return;
        }
        Optional<StepRow> step = RowExpansion.find(lane.get().steps(), shown.step().orElseThrow());
        if (step.isPresent()) {
            showStep(step.get());
        } else {
            clear();
        }
    }

    /** Opens the shown step's item in the Fabric portal, when it has a link. */
    public void openPortal() {
        URI link = portalLink.get();
        if (link != null) {
            links.open(link);
        }
    }

    /** Copies the shown error with everything support asks for: step, attempt, code, message, request id, job. */
    public void copyError() {
        if (errorPresent.get()) {
            clipboard.copy(errorReport());
        }
    }

    /** Copies {@code text} (an id from a table) to the clipboard; blank text is ignored. */
    public void copy(String text) {
        if (text != null && !text.isBlank()) {
            clipboard.copy(text);
        }
    }

    // Internals

    private void clear() {
        present.set(false);
        title.set("");
        subtitle.set("");
        state.set(null);
        stateText.set("");
        setIfChanged(facts, List.of());
        portalLink.set(null);
        showError(Optional.empty());
        setIfChanged(attempts, List.of());
        setIfChanged(waits, List.of());
        childrenTitle.set("");
        childrenNote.set("");
        setIfChanged(children, List.of());
        setIfChanged(breaches, List.of());
    }

    private void showStage(StageLane lane) {
        Instant now = clock.instant();
        present.set(true);
        title.set(lane.number() + " · " + lane.name());
        subtitle.set("Stage · " + RowExpansion.summary(lane.steps(), "step", "steps"));
        state.set(lane.state());
        stateText.set(HoverTexts.word(lane.state()));
        List<DetailFact> list = new ArrayList<>();
        lane.start().ifPresent(start -> list.add(new DetailFact("Started", dateTime(start))));
        lane.end().ifPresent(end -> list.add(new DetailFact("Ended", dateTime(end))));
        lane.start().ifPresent(start -> list.add(new DetailFact(lane.end().isPresent() ? "Took" : "Running for",
                TimelineDurations.text(Duration.between(start, lane.end().orElse(now))))));
        lane.estimate().ifPresent(e -> list.add(new DetailFact("Usually", TimelineDurations.rough(e))));
        lane.reason().ifPresent(reason -> list.add(new DetailFact("Why", reason)));
        lane.reusedFrom().ifPresent(run -> list.add(new DetailFact("Reused from", reusedText(run))));
        setIfChanged(facts, list);
        portalLink.set(null);
        showError(firstError(lane.steps()));
        setIfChanged(attempts, List.of());
        setIfChanged(waits, List.of());
        childrenTitle.set("Steps");
        childrenNote.set("");
        setIfChanged(children, lane.steps().stream().map(s -> child(s, now)).toList());
        setIfChanged(breaches, List.of());
    }

    private void showStep(StepRow step) {
        Instant now = clock.instant();
        present.set(true);
        title.set(step.label());
        subtitle.set(step.type() + " · " + step.key());
        state.set(step.state());
        stateText.set(stateWords(step));
        setIfChanged(facts, facts(step, now));
        portalLink.set(portalLinks.apply(step).orElse(null));
        showError(lastError(step).map(attempt -> new Located(step, attempt)));
        if (lastError(step).isEmpty() && step.state() == StepState.FAILED && step.message().isPresent()) {
            errorPresent.set(true);
            errorSource.set(step.label());
            errorCode.set("");
            errorMessage.set(step.message().get());
            requestId.set("");
        }
        idTitle.set(step.type().contains("SemanticModel") ? "Refresh id" : "Job instance id");
        setIfChanged(attempts, step.attempts().stream().map(a -> attempt(a, now)).toList());
        setIfChanged(waits, step.waits().stream().map(w -> waitRow(w, now)).toList());
        childrenTitle.set(childrenTitle(step));
        childrenNote.set(step.activityRunsNote().orElse(""));
        setIfChanged(children, step.children().stream().map(c -> child(c, now)).toList());
        setIfChanged(breaches, step.breaches().stream().map(StepDetailViewModel::breach).toList());
    }

    private List<DetailFact> facts(StepRow step, Instant now) {
        List<DetailFact> list = new ArrayList<>();
        Optional<Instant> start = step.attempts().stream().map(AttemptSpan::start).findFirst();
        Optional<AttemptSpan> last = step.attempts().isEmpty() ? Optional.empty()
                : Optional.of(step.attempts().get(step.attempts().size() - 1));
        start.ifPresent(s -> list.add(new DetailFact("Started", dateTime(s))));
        last.flatMap(AttemptSpan::end).filter(end -> step.state().isTerminal())
                .ifPresent(end -> list.add(new DetailFact("Ended", dateTime(end))));
        start.ifPresent(s -> {
            Instant end = last.flatMap(AttemptSpan::end).filter(e -> step.state().isTerminal()).orElse(now);
            list.add(new DetailFact(step.state().isTerminal() ? "Took" : "Running for",
                    TimelineDurations.text(Duration.between(s, end))));
        });
        Duration waited = step.waits().stream().map(w -> Duration.between(w.start(), w.end().orElse(now)))
                .reduce(Duration.ZERO, Duration::plus);
        if (!step.waits().isEmpty()) {
            list.add(new DetailFact("Waited", TimelineDurations.text(waited) + " in " + step.waits().size()
                    + (step.waits().size() == 1 ? " wait" : " waits")));
        }
        step.waiting().ifPresent(reason -> list.add(new DetailFact("Waiting", reason.text())));
        if (!step.attempts().isEmpty()) {
            int retries = step.attempts().size() - 1;
            list.add(new DetailFact("Attempts", step.attempts().size() + " (" + retries
                    + (retries == 1 ? " retry)" : " retries)")));
        }
        step.itemId().ifPresent(item -> list.add(new DetailFact("Item", item)));
        step.message().ifPresent(message -> list.add(new DetailFact("Why", message)));
        step.reusedFrom().ifPresent(run -> list.add(new DetailFact("Reused from", reusedText(run))));
        step.overrunTarget().ifPresent(target -> list.add(new DetailFact("Target", overrun(step, target, now))));
        return list;
    }

    private static String reusedText(String run) {
        return "run " + run + " — its result was taken over, nothing ran again";
    }

    private String overrun(StepRow step, Duration target, Instant now) {
        Optional<Instant> start = step.attempts().stream().map(AttemptSpan::start).findFirst();
        String took = start.map(s -> {
            AttemptSpan last = step.attempts().get(step.attempts().size() - 1);
            Duration ran = Duration.between(s, last.end().orElse(now));
            return last.running() ? TimelineDurations.text(ran) + " so far" : "took " + TimelineDurations.text(ran);
        }).orElse("");
        return TimelineDurations.rough(target) + " — overran" + (took.isEmpty() ? "" : " (" + took + ")");
    }

    private static String stateWords(StepRow step) {
        String word = HoverTexts.word(step.state());
        if (step.state() == StepState.RUNNING && !step.attempts().isEmpty()) {
            return word + " · attempt " + step.attempts().get(step.attempts().size() - 1).attempt();
        }
        return word;
    }

    private static String childrenTitle(StepRow step) {
        if (step.children().isEmpty()) {
            return "";
        }
        if (step.activityRunsNote().isPresent() || step.type().contains("Pipeline")) {
            return "Activity runs";
        }
        if (step.children().stream().allMatch(c -> c.key().name().startsWith("["))) {
            return "Items";
        }
        if (step.children().stream().allMatch(c -> c.type().contains("SemanticModel"))) {
            return "Models";
        }
        return "Activities";
    }

    private AttemptRow attempt(AttemptSpan attempt, Instant now) {
        String status = attempt.running() ? "running" : attempt.status().map(StepDetailViewModel::word)
                .orElse("ended");
        String error = attempt.errorCode().map(code -> code + attempt.message().map(m -> ": "
                + HoverTexts.shorten(m)).orElse("")).orElse(attempt.message().map(HoverTexts::shorten).orElse(""));
        return new AttemptRow(attempt.attempt(), status, time(attempt.start()), attempt.end().map(this::time)
                .orElse(""), TimelineDurations.text(Duration.between(attempt.start(), attempt.end().orElse(now))),
                attempt.jobInstanceId().orElse(""), error);
    }

    private WaitRow waitRow(WaitSpan wait, Instant now) {
        return new WaitRow(wait.reason().text(), time(wait.start()), wait.end().map(this::time).orElse("waiting"),
                TimelineDurations.text(Duration.between(wait.start(), wait.end().orElse(now)))
                        + (wait.end().isEmpty() ? " so far" : ""));
    }

    private ChildRow child(StepRow row, Instant now) {
        Optional<Instant> start = row.attempts().stream().map(AttemptSpan::start).findFirst();
        String duration = start.map(s -> {
            AttemptSpan last = row.attempts().get(row.attempts().size() - 1);
            return TimelineDurations.text(Duration.between(s, last.end().orElse(now)));
        }).orElse("");
        return new ChildRow(row.label(), row.type(), HoverTexts.word(row.state()),
                start.map(this::time).orElse(""), duration, row.attempts().size());
    }

    private static BreachRow breach(Breach breach) {
        return new BreachRow(breach.check().orElse(""), breach.table().orElse(""), breach.expected().orElse(""),
                breach.actual().orElse(""));
    }

    private static String word(AttemptStatus status) {
        return switch (status) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed out";
            case CANCELLED -> "cancelled";
        };
    }

    /** A step and one of its attempts, for the error panel. */
    private record Located(StepRow step, AttemptSpan attempt) {
    }

    private static Optional<AttemptSpan> lastError(StepRow step) {
        List<AttemptSpan> list = step.attempts();
        for (int i = list.size() - 1; i >= 0; i--) {
            AttemptSpan a = list.get(i);
            if (a.errorCode().isPresent() || a.message().isPresent() || a.requestId().isPresent()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The error of the first failed row in display order: what stopped a failed stage. */
    private static Optional<Located> firstError(List<StepRow> steps) {
        for (StepRow top : steps) {
            for (StepRow row : (Iterable<StepRow>) top.flatten()::iterator) {
                if (row.state() == StepState.FAILED) {
                    Optional<AttemptSpan> error = lastError(row);
                    if (error.isPresent()) {
                        return Optional.of(new Located(row, error.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void showError(Optional<Located> error) {
        errorPresent.set(error.isPresent());
        errorSource.set(error.map(e -> e.step().label() + " · attempt " + e.attempt().attempt()).orElse(""));
        errorCode.set(error.flatMap(e -> e.attempt().errorCode()).orElse(""));
        errorMessage.set(error.flatMap(e -> e.attempt().message()).orElse(""));
        requestId.set(error.flatMap(e -> e.attempt().requestId()).orElse(""));
        located = error;
    }

    private String errorReport() {
        StringBuilder text = new StringBuilder();
        located.ifPresentOrElse(e -> {
            text.append("Step: ").append(e.step().key()).append('\n');
            text.append("Attempt: ").append(e.attempt().attempt()).append('\n');
        }, () -> text.append("Step: ").append(errorSource.get()).append('\n'));
        if (!errorCode.get().isEmpty()) {
            text.append("Error code: ").append(errorCode.get()).append('\n');
        }
        if (!errorMessage.get().isEmpty()) {
            text.append("Message: ").append(errorMessage.get()).append('\n');
        }
        if (!requestId.get().isEmpty()) {
            text.append("Request id: ").append(requestId.get()).append('\n');
        }
        located.flatMap(e -> e.attempt().jobInstanceId())
                .ifPresent(id -> text.append("Job instance id: ").append(id).append('\n'));
        if (timeline != null) {
            text.append("Run: ").append(timeline.runId()).append(" (").append(timeline.environment()).append(")\n");
        }
        return text.toString();
    }

    private String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(clock.getZone()));
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(clock.getZone()));
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> next) {
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }

    // Property accessors

    /** Whether a stage or step is shown; false shows the placeholder. */
    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The type and key of a step, or the step count of a stage. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** The shown row's state; null when nothing is shown. */
    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** Started, ended, durations, item, why, reused from, overrun target: whichever apply. */
    public ObservableList<DetailFact> facts() {
        return factsView;
    }

    /** The step's item in the Fabric portal; null when there is none. */
    public ReadOnlyObjectProperty<URI> portalLinkProperty() {
        return portalLink.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorPresentProperty() {
        return errorPresent.getReadOnlyProperty();
    }

    /** Which step and attempt the error is from, e.g. "Finance · attempt 2". */
    public ReadOnlyStringProperty errorSourceProperty() {
        return errorSource.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorCodeProperty() {
        return errorCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestIdProperty() {
        return requestId.getReadOnlyProperty();
    }

    /** The attempts table's id column title: "Job instance id" or, for a semantic model, "Refresh id". */
    public ReadOnlyStringProperty idTitleProperty() {
        return idTitle.getReadOnlyProperty();
    }

    public ObservableList<AttemptRow> attempts() {
        return attemptsView;
    }

    public ObservableList<WaitRow> waits() {
        return waitsView;
    }

    /** "Steps", "Items", "Models", "Activity runs" or "Activities"; empty when there are no nested rows. */
    public ReadOnlyStringProperty childrenTitleProperty() {
        return childrenTitle.getReadOnlyProperty();
    }

    /** How a Fabric run's activity runs were found; empty when not applicable. */
    public ReadOnlyStringProperty childrenNoteProperty() {
        return childrenNote.getReadOnlyProperty();
    }

    public ObservableList<ChildRow> children() {
        return childrenView;
    }

    public ObservableList<BreachRow> breaches() {
        return breachesView;
    }
}
