package org.dbb.console.app.retry;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.deploy.DefinitionPush;
import org.dbb.console.core.deploy.DeploymentDefinitions;
import org.dbb.console.core.workspace.pipeline.PolicyFileEditor;

/** Builds the "Retry policies" page of the console window from explicit dependencies. Stateless. */
public final class RetryPolicyPageFactory {

    public static final String PAGE_ID = "retry";

    private RetryPolicyPageFactory() {
    }

    /**
     * The page over the console's services; pushes to the sandbox start an in-process emulator playing the default
     * scenario. Call on the FX thread.
     *
     * @param fx the FX executor ({@code new FxExecutor()})
     */
    public static ConsolePage page(ConsoleServices services, ConsoleSession session, Dialogs dialogs, Executor fx) {
        SandboxOptions sandbox = new SandboxOptions(Optional.empty(),
                Optional.of(services.scenarioReader().defaultScenario()));
        return page(viewModel(services, session, dialogs, () -> sandbox, fx));
    }

    /** The page showing {@code model}. */
    public static ConsolePage page(RetryPolicyViewModel model) {
        return new ConsolePage(PAGE_ID, "Retry policies", AppIcon.RETRY, () -> new RetryPolicyView(model));
    }

    /** The page's view model over the console's services, reaching the sandbox as {@code sandbox} says. */
    public static RetryPolicyViewModel viewModel(ConsoleServices services, ConsoleSession session, Dialogs dialogs,
                                                 Supplier<SandboxOptions> sandbox, Executor fx) {
        return viewModel(services, session, dialogs, sandbox, System.getProperty("user.name", "unknown"),
                services.executors().background(), fx);
    }

    /**
     * As {@link #viewModel(ConsoleServices, ConsoleSession, Dialogs, SandboxOptions, Executor)}, naming the actor
     * the audit trail records and the executor file and network work runs on.
     */
    public static RetryPolicyViewModel viewModel(ConsoleServices services, ConsoleSession session, Dialogs dialogs,
                                                 Supplier<SandboxOptions> sandbox, String actor,
                                                 Executor background,
                                                 Executor fx) {
        Supplier<DefinitionPush> push = () -> new DefinitionPush(services.connector(),
                new DeploymentDefinitions(services.parameterValidator(), services.parameterResolver()),
                services.pipelineReader(), services.executors().emulatorHandlers(),
                services.executors().emulatorTimers(), services.osEnvironment());
        return new RetryPolicyViewModel(session, services.pipelineReader(),
                new PolicyFileEditor(services.retryPolicyEditor(), services.writer()), services::auditTrail, push,
                sandbox, dialogs, services.clock(), actor, background, fx);
    }
}
