package org.dbb.console.app.params;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.params.tools.ParameterTools;
import org.dbb.console.app.params.tools.ParameterToolsPanel;
import org.dbb.console.app.params.entries.EntryTools;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;

/** Builds the Parameters page of the console window from explicit dependencies. Stateless; call on the FX thread. */
public final class ParameterPageFactory {

    /** The page id, also the node id suffix of its navigation entry. */
    public static final String PAGE_ID = "parameters";

    private static final Logger LOG = LoggerFactory.getLogger(ParameterPageFactory.class);

    private ParameterPageFactory() {
    }

    /** The page over {@code model}; its view is made, and the file read, on first show. */
    public static ConsolePage page(ParameterMatrixViewModel model) {
        return new ConsolePage(PAGE_ID, "Parameters", AppIcon.PARAMETERS, () -> {
            ParameterMatrixView view = new ParameterMatrixView(model);
            model.load();
            return view;
        });
    }

    /** The page over {@code model} with the GUID coverage list and the find value tester beside the matrix. */
    public static ConsolePage page(ParameterMatrixViewModel model, ParameterTools tools) {
        return page(model, m -> MatrixTools.NONE, tools);
    }

    /** The page over {@code model} with extra tools (entry form, pickers) made for it on first show. */
    public static ConsolePage page(ParameterMatrixViewModel model,
                                   Function<ParameterMatrixViewModel, MatrixTools> tools) {
        return new ConsolePage(PAGE_ID, "Parameters", AppIcon.PARAMETERS, () -> {
            ParameterMatrixView view = new ParameterMatrixView(model, tools.apply(model));
            model.load();
            return view;
        });
    }

    /**
     * The page over {@code model} with the entry tools made for it on first show, and the GUID coverage list and
     * the find value tester beside the matrix; when the entry tools are {@link EntryTools}, the coverage list's
     * "Add find_replace entry" opens their form.
     */
    public static ConsolePage page(ParameterMatrixViewModel model,
                                   Function<ParameterMatrixViewModel, MatrixTools> entryTools, ParameterTools tools) {
        return new ConsolePage(PAGE_ID, "Parameters", AppIcon.PARAMETERS, () -> {
            MatrixTools made = entryTools.apply(model);
            if (made instanceof EntryTools entries) {
                // the coverage list's "Add find_replace entry" opens this page's add-entry form
                tools.coverage().onAddFindReplaceEntry(entries.form()::startFindReplace);
            }
            ParameterMatrixView view = new ParameterMatrixView(model, made);
            model.load();
            return new ParameterToolsPanel(view, model.dirtyProperty(), tools);
        });
    }

    /**
     * The page for the session's workspace, with the composition root's services and background executor: the
     * entry tools (add/remove entries, JSONPath picker, variable completion), the GUID coverage list and the find
     * value tester.
     */
    public static ConsolePage page(ConsoleServices services, ConsoleSession session, Dialogs dialogs) {
        ParameterEditing core = ParameterEditing.from(services);
        return page(viewModel(services, session, dialogs), model -> new EntryTools(model, core, dialogs,
                services.executors().background(), DelayedExecutor.on(services.executors().background()),
                new FxExecutor()), ParameterTools.from(services, session));
    }

    /** The view model with the composition root's services; audit failures are logged, the save stands. */
    public static ParameterMatrixViewModel viewModel(ConsoleServices services, ConsoleSession session,
                                                     Dialogs dialogs) {
        InterventionRecorder audit = InterventionRecorder.forOsUser(services::auditTrail, services.clock(),
                message -> LOG.warn("Audit trail not written: {}", message));
        return new ParameterMatrixViewModel(ParameterEditing.from(services), session, audit, dialogs,
                services.executors().background(), DelayedExecutor.on(services.executors().background()),
                new FxExecutor());
    }
}
