package org.dbb.console.app.launch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.engine.RerunOutline;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.launch.LaunchProgress;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.plan.PlanPrinter;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.plan.StepAction;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.Workspace;

/**
 * The dry run behind a dialog's Preview: prepares the run through {@code RunLauncher.prepare} on the background
 * executor exactly as {@code dbb run} does, says what it waits for while it signs in, looks up and plans, then
 * shows the plan as a tree and as the dry-run text, or the problems and what to do. It owns the prepared run (its
 * connection, for the sandbox an emulator) until the launch takes it, and closes it when the inputs change. Call
 * commands on the FX thread; results arrive there through an {@link FxBatcher}.
 */
public final class PlanPreview {

    private static final Logger LOG = LoggerFactory.getLogger(PlanPreview.class);

    private final LaunchServices services;
    private final Workspace workspace;
    private final FxBatcher<Runnable> toFx;
    private long generation;
    private PreparedRun prepared;

    // Properties
    private final ReadOnlyObjectWrapper<PreviewState> state = new ReadOnlyObjectWrapper<>(this, "state",
            PreviewState.NONE);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper planText = new ReadOnlyStringWrapper(this, "planText", "");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper(this, "advice", "");
    private final ObservableList<PlanNode> stages = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<PlanNode> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);

    PlanPreview(LaunchServices services, Workspace workspace) {
        this.services = services;
        this.workspace = workspace;
        this.toFx = new FxBatcher<>(services.fx(), batch -> batch.forEach(Runnable::run));
    }

    // Commands

    /** Prepares {@code request}; for a re-run, {@code original} is the run it repeats part of. */
    void start(RunRequest request, Optional<RunRecord> original) {
        long run = ++generation;
        release();
        clear();
        state.set(PreviewState.PREPARING);
        progress.set("Preparing the run in " + request.environment() + " …");
        services.background().execute(() -> prepare(run, request, original));
    }

    /** Forgets the preview after an input changed, closing what it prepared. */
    void invalidate() {
        if (state.get() == PreviewState.NONE && prepared == null) {
            return;
        }
        generation++;
        release();
        clear();
        state.set(PreviewState.NONE);
    }

    /** Hands the prepared run over; the preview no longer closes it. Only when {@link PreviewState#READY}. */
    PreparedRun take() {
        if (state.get() != PreviewState.READY || prepared == null) {
            throw new IllegalStateException("there is no previewed run to launch");
        }
        PreparedRun taken = prepared;
        prepared = null;
        return taken;
    }

    /** Closes what was prepared and not taken, and ignores a preparation still going. */
    void close() {
        generation++;
        release();
    }

    private void prepare(long run, RunRequest request, Optional<RunRecord> original) {
        PreparedRun ready = null;
        try {
            ready = services.launcher().get().prepare(workspace, request, sandbox(), Map.of(), progress(run));
            RunPlan plan = ready.plan();
            Optional<RerunOutline> outline = original.map(o -> RerunOutline.of(request.rerun().orElseThrow(),
                    plan, o));
            List<PlanNode> tree = PlanTree.of(plan, outline);
            String text = services.printer().print(plan);
            String words = summaryOf(plan, outline);
            PreparedRun done = ready;
            toFx.post(() -> show(run, done, tree, text, words, plan.warnings()));
        } catch (PlanException e) {
            fail(run, "The plan has errors; nothing was started.", e, "Fix the problems listed, then preview"
                    + " again.");
        } catch (InvalidInputException e) {
            fail(run, "Cannot prepare the run in " + request.environment() + ".", e, "Fix the problems listed,"
                    + " then preview again.");
        } catch (SignInException e) {
            fail(run, "Cannot sign in to " + request.environment() + ": " + e.getMessage(), List.of(),
                    SignInAdvice.of(e.failure(), request.environment()));
        } catch (FabricApiException e) {
            fail(run, "Cannot plan the run in " + request.environment() + ": " + e.getMessage(), List.of(),
                    "Check that the environment's workspace exists and the account may use it, then preview again.");
        } catch (IllegalArgumentException e) {
            closeQuietly(ready);
            fail(run, e.getMessage(), List.of(), "Choose another stage or mode, then preview again.");
        } catch (RuntimeException e) {
            LOG.error("Preview of a run in {} failed", request.environment(), e);
            closeQuietly(ready);
            fail(run, "The preview failed: " + e.getMessage(), List.of(), "Preview again; the console's log has"
                    + " the details.");
        }
    }

    private SandboxOptions sandbox() {
        return services.emulatorUrl().map(url -> new SandboxOptions(Optional.of(url), Optional.empty()))
                .orElseGet(SandboxOptions::inProcess);
    }

    private LaunchProgress progress(long run) {
        String master = workspace.settings().masterPipeline();
        return new LaunchProgress() {
            @Override
            public void connecting(String environment, boolean sandbox) {
                say(run, sandbox ? "Starting the sandbox emulator and signing in to " + environment + " …"
                        : "Signing in to " + environment + " …");
            }

            @Override
            public void lookingUp(String environment, String name) {
                say(run, "Looking up workspace " + name + " in " + environment + ": its items and connections …");
            }

            @Override
            public void planning(String environment) {
                say(run, "Planning " + master + " for " + environment + " …");
            }
        };
    }

    private void say(long run, String text) {
        toFx.post(() -> {
            if (run == generation) {
                progress.set(text);
            }
        });
    }

    private void fail(long run, String headline, InvalidInputException e, String what) {
        fail(run, headline, e.problems().stream().map(p -> p.format(workspace.root())).toList(), what);
    }

    private void fail(long run, String headline, List<String> found, String what) {
        toFx.post(() -> {
            if (run != generation) {
                return;
            }
            progress.set(headline);
            problems.setAll(found);
            advice.set(what);
            state.set(PreviewState.FAILED);
        });
    }

    private void show(long run, PreparedRun ready, List<PlanNode> tree, String text, String words,
                      List<String> planWarnings) {
        if (run != generation) {
            closeLater(ready);
            return;
        }
        prepared = ready;
        stages.setAll(tree);
        planText.set(text);
        summary.set(words);
        warnings.setAll(planWarnings);
        progress.set("Planned against " + ready.connection().endpointDescription() + ".");
        state.set(PreviewState.READY);
    }

    private void clear() {
        progress.set("");
        summary.set("");
        planText.set("");
        advice.set("");
        stages.clear();
        problems.clear();
        warnings.clear();
    }

    private void release() {
        PreparedRun old = prepared;
        prepared = null;
        if (old != null) {
            closeLater(old);
        }
    }

    /** Closing stops an in-process emulator, which is not for the FX thread. */
    private void closeLater(PreparedRun run) {
        try {
            services.background().execute(() -> closeQuietly(run));
        } catch (RejectedExecutionException shuttingDown) {
            closeQuietly(run);
        }
    }

    private static void closeQuietly(PreparedRun run) {
        if (run == null) {
            return;
        }
        try {
            run.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing a previewed run's connection failed", e);
        }
    }

    private static String summaryOf(RunPlan plan, Optional<RerunOutline> outline) {
        long steps = plan.stages().stream().mapToLong(s -> s.steps().size()).sum();
        List<StepAction.SemanticRefresh> refreshes = plan.stages().stream().flatMap(s -> s.steps().stream())
                .map(PlannedStep::action).filter(StepAction.SemanticRefresh.class::isInstance)
                .map(StepAction.SemanticRefresh.class::cast).toList();
        StringBuilder words = new StringBuilder(PlanTree.count(plan.stages().size(), "stage") + " · "
                + PlanTree.count((int) steps, "step"));
        refreshes.forEach(r -> words.append(" · ").append(PlanTree.count(r.models().size(), "model")).append(", ")
                .append(PlanPrinter.atOnce(r.cap())));
        outline.ifPresent(o -> {
            for (RerunOutline.Fate fate : RerunOutline.Fate.values()) {
                List<String> named = o.stages().stream().filter(s -> s.fate() == fate)
                        .map(RerunOutline.StageFate::stage).toList();
                if (!named.isEmpty()) {
                    words.append(" · ").append(String.join(", ", named)).append(": ")
                            .append(PlanTree.fateWords(fate, o.originalRunId()));
                }
            }
        });
        return words.toString();
    }

    // Properties

    public ReadOnlyObjectProperty<PreviewState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the preview waits for, or how it ended, in a sentence. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The plan in one line: stages, steps, models and cap; for a re-run, what is reused and what runs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The dry-run text, as {@code dbb run --dry-run} prints it. */
    public ReadOnlyStringProperty planTextProperty() {
        return planText.getReadOnlyProperty();
    }

    /** What to do about a failed preview. */
    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /** The plan's stages as tree rows. */
    public ObservableList<PlanNode> stages() {
        return stagesView;
    }

    /** Each problem as {@code file:line:col: error: message (at JSON path)}, file relative to the workspace. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** What the operator should know that does not stop the run. */
    public ObservableList<String> warnings() {
        return warningsView;
    }
}
