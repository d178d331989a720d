package org.dbb.console.app.params.tools;

import java.util.Objects;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.params.DelayedExecutor;
import org.dbb.console.app.params.coverage.GuidCoverageViewModel;
import org.dbb.console.app.params.regex.RegexTesterViewModel;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.workspace.params.coverage.GuidCoverageScanner;
import org.dbb.console.core.workspace.params.regex.FindValueTester;

/**
 * The helpers shown beside the parameter matrix: the GUID coverage list and the find value tester. Immutable;
 * the view models it holds follow their own threading contracts.
 *
 * @param coverage the GUID coverage list
 * @param regex    the find value tester
 */
public record ParameterTools(GuidCoverageViewModel coverage, RegexTesterViewModel regex) {

    public ParameterTools {
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(regex, "regex");
    }

    /** Both helpers with the composition root's services and background executor. */
    public static ParameterTools from(ConsoleServices services, ConsoleSession session) {
        return new ParameterTools(
                new GuidCoverageViewModel(services.parameterValidator(),
                        new GuidCoverageScanner(services.parameterResolver()), session,
                        services.executors().background(), new FxExecutor()),
                new RegexTesterViewModel(services.parameterValidator(), new FindValueTester(), session,
                        services.executors().background(), DelayedExecutor.on(services.executors().background()),
                        new FxExecutor()));
    }
}
