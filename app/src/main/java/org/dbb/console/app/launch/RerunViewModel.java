package org.dbb.console.app.launch;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.engine.RerunOutline;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.workspace.Workspace;

/**
 * The re-run dialog's state for a console run that failed or was cancelled: which part to repeat (the failed stage
 * only, from a stage on, or only the failed items), the stage, the original's parameters to override, and a
 * reason; Preview plans the re-run off the FX thread and shows which stages are reused from the original and which
 * run again; Re-run hands it to the receiver given at construction. Any change of input drops the preview. Call
 * commands on the FX thread; properties change there.
 */
public final class RerunViewModel extends PreviewedRunViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final RunRecord original;
    private Consumer<String> openRun = runId -> { };
    private boolean canOpenOriginal;

    // Properties
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper originalSummary = new ReadOnlyStringWrapper(this, "originalSummary");
    private final ObjectProperty<RerunMode> mode = new SimpleObjectProperty<>(this, "mode", RerunMode.STAGE_ONLY);
    private final ObjectProperty<String> stage = new SimpleObjectProperty<>(this, "stage");
    private final ObservableList<String> stages;
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<String> stagesView;
    private final ObservableList<String> failedItems;
    private final ReadOnlyStringWrapper modeMessage = new ReadOnlyStringWrapper(this, "modeMessage", "");
    private final BooleanBinding stageChoosable;

    /**
     * @param services  the console's launch services
     * @param workspace the open workspace repository
     * @param original  the run to re-run, as the run journal holds it; it must have ended
     * @param onLaunch  receives the approved re-run on the FX thread, once
     * @throws IllegalArgumentException when {@code original} has not ended
     */
    public RerunViewModel(LaunchServices services, Workspace workspace, RunRecord original,
                          Consumer<ApprovedLaunch> onLaunch) {
        super(new LaunchFlow(services, workspace, ended(original).environment()), onLaunch);
        this.original = original;
        title.set("Re-run part of run " + original.runId() + " in " + original.environment());
        originalSummary.set(original.state() + original.failedStage().map(s -> " at stage " + s).orElse("")
                + " · started " + WHEN.format(original.createdAt()) + " by " + original.request().operator());
        stages = FXCollections.observableArrayList(original.stageNames());
        stagesView = FXCollections.unmodifiableObservableList(stages);
        failedItems = FXCollections.observableArrayList(RerunOutline.failedItems(original).stream()
                .map(StepKey::path).toList());
        stage.set(defaultStage(original));
        stageChoosable = Bindings.createBooleanBinding(() -> mode.get() != RerunMode.ONLY_FAILED, mode);
        mode.addListener((o, was, now) -> {
            modeMessage.set(now == RerunMode.ONLY_FAILED && failedItems.isEmpty()
                    ? "Run " + original.runId() + " has no failed semantic models or fan-out items to re-run alone;"
                            + " re-run its stage instead." : "");
            flow.preview().invalidate();
        });
        stage.addListener((o, was, now) -> flow.preview().invalidate());
        optionsValidWhen(Bindings.createBooleanBinding(() -> modeMessage.get().isEmpty()
                && (mode.get() == RerunMode.ONLY_FAILED || stage.get() != null), modeMessage, mode, stage));
        flow.load(original.request().parameters(), loaded -> flow.preview().invalidate());
    }

    private static RunRecord ended(RunRecord run) {
        Objects.requireNonNull(run, "original");
        if (!run.state().isTerminal()) {
            throw new IllegalArgumentException("run " + run.runId() + " is " + run.state()
                    + "; only a run that ended can be re-run");
        }
        return run;
    }

    /** The failed stage; for a cancelled run the first stage that did not succeed. */
    private static String defaultStage(RunRecord run) {
        return run.failedStage().or(() -> run.stageNames().stream()
                .filter(s -> run.stages().get(s) != StepState.SUCCEEDED).findFirst())
                .orElse(run.stageNames().isEmpty() ? null : run.stageNames().get(0));
    }

    // Commands

    @Override
    public void preview() {
        previewIfAllowed(this::request, Optional.of(original), "Re-run");
    }

    /** Hands the previewed re-run to the receiver; only with a valid preview. */
    public void rerun() {
        handOverIfAllowed();
    }

    /** Shows the original run, through what {@link #onOpenOriginal} was given. */
    public void openOriginal() {
        openRun.accept(original.runId());
    }

    /** Where {@link #openOriginal()} goes, e.g. the Runs page showing that run; the link is inert until set. */
    public void onOpenOriginal(Consumer<String> opener) {
        this.openRun = Objects.requireNonNull(opener, "opener");
        this.canOpenOriginal = true;
    }

    /** Whether the original run's link leads anywhere. */
    public boolean canOpenOriginal() {
        return canOpenOriginal;
    }

    /**
     * The re-run request as {@code dbb run --rerun} makes it: the original's request with the changed parameters
     * laid over its values.
     */
    RunRequest request() {
        RunRequest before = original.request();
        Map<String, JsonNode> merged = new LinkedHashMap<>(before.parameters());
        merged.putAll(flow.form().values());
        RerunRequest rerun = mode.get() == RerunMode.ONLY_FAILED
                ? new RerunRequest(original.runId(), RerunMode.ONLY_FAILED, Optional.empty())
                : new RerunRequest(original.runId(), mode.get(), Optional.of(stage.get()));
        return new RunRequest(original.environment(), merged, before.maintenance(), before.models(),
                before.concurrency(), before.refreshMode(), flow.operator(), Optional.of(rerun));
    }

    // Properties

    /** E.g. {@code Re-run part of run 20261127-0605-31-a3f9 in sandbox}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The original run's id, the text of its link. */
    public String originalRunId() {
        return original.runId();
    }

    /** How the original ended, when it started and who launched it. */
    public ReadOnlyStringProperty originalSummaryProperty() {
        return originalSummary.getReadOnlyProperty();
    }

    /** What to repeat; the failed stage only to begin with. */
    public ObjectProperty<RerunMode> modeProperty() {
        return mode;
    }

    /** Whether the original has failed items an only-failed re-run can repeat alone. */
    public boolean onlyFailedAvailable() {
        return !failedItems.isEmpty();
    }

    /** The failed semantic models and fan-out items of the original's failed stage, as step paths. */
    public List<String> failedItems() {
        return List.copyOf(failedItems);
    }

    /** Why the chosen mode cannot be previewed; empty when it can. */
    public ReadOnlyStringProperty modeMessageProperty() {
        return modeMessage.getReadOnlyProperty();
    }

    /** The original's stages, in run order. */
    public ObservableList<String> stages() {
        return stagesView;
    }

    /** The stage to re-run (or re-run from); the failed stage to begin with. */
    public ObjectProperty<String> stageProperty() {
        return stage;
    }

    /** Whether the stage applies: an only-failed re-run finds the failed stage itself. */
    public BooleanBinding stageChoosableProperty() {
        return stageChoosable;
    }

    /** Whether Re-run is enabled: the preview is of exactly the inputs as they stand. */
    public BooleanBinding canRerunProperty() {
        return canHandOver();
    }
}
