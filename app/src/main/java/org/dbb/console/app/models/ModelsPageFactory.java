package org.dbb.console.app.models;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.workspace.config.edit.ConsoleSettingsEditor;

/** Builds the window's Models page from explicit dependencies. Stateless; the page's view is made on the FX thread. */
public final class ModelsPageFactory {

    /** The page id, also the node id suffix of its navigation entry. */
    public static final String PAGE_ID = "models";

    private ModelsPageFactory() {
    }

    /** The store of model selections in the console's data folder, beside {@code window.json}. */
    public static ModelSelectionStore selections(Path dataFolder, AtomicFileWriter writer) {
        return new ModelSelectionStore(dataFolder.resolve(ModelSelectionStore.FILE_NAME), writer);
    }

    /**
     * The Models page: the environment's semantic models, the refresh concurrency cap and the active run's conductor.
     *
     * @param loader     reads models and refresh history ({@link FabricModelsLoader} in the app)
     * @param selections keeps each workspace × environment's selection between sessions
     * @param background runs network, database and file work
     * @param fx         the FX executor
     */
    public static ConsolePage page(ConsoleSession session, ModelsLoader loader, InterventionRecorder interventions,
                                   ConsoleSettingsEditor settingsEditor, ModelSelectionStore selections,
                                   Dialogs dialogs, Executor background, Executor fx, Clock clock) {
        return new ConsolePage(PAGE_ID, "Models", AppIcon.SEMANTIC_MODEL, () -> {
            ModelsViewModel model = new ModelsViewModel(session, loader, interventions, settingsEditor, selections,
                    dialogs, background, fx, clock, ZoneId.systemDefault());
            ModelsView view = new ModelsView(model);
            model.reload();
            return view;
        });
    }
}
