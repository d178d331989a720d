package org.dbb.console.app.testing;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.variables.EnvironmentReferenceCheck;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.SettingReferences;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.StageLayouts;
import org.dbb.console.core.workspace.validate.WorkspaceValidator;

/** Real core services for app tests that build view models by hand. Stateless. */
public final class TestServices {

    private TestServices() {
    }

    public static WorkspaceValidator validator() {
        PipelineReader pipelines = new PipelineReader();
        return new WorkspaceValidator(new ConsoleSettingsReader(), new ItemDiscovery(new JsonDocuments()), pipelines,
                new MasterStagesReader(pipelines, new StageLayouts()), new ParameterFileValidator(),
                new EnvironmentReferenceCheck(new SettingReferences(), name -> null));
    }
}
