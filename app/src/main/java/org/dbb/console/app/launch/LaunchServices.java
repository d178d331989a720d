package org.dbb.console.app.launch;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.launch.RunLauncher;
import org.dbb.console.core.plan.LaunchDefaultsReader;
import org.dbb.console.core.plan.PlanPrinter;

/**
 * What the launch and re-run dialogs need from the console, in one place. The launcher and the audit trail are
 * suppliers because they open the embedded database on first use, which happens on {@code background}, never on
 * the FX thread. Immutable.
 *
 * @param launcher    connects, looks up and plans runs (called on {@code background})
 * @param defaults    reads a launch's defaults from the repository (called on {@code background})
 * @param printer     the dry-run text of a plan
 * @param auditTrail  where launches and re-runs are recorded (called on {@code background})
 * @param clock       stamps audit entries
 * @param dialogs     asks the operator (the protected-environment guard) and shows failures
 * @param operator    who launches, as the command line records it (the OS user)
 * @param emulatorUrl a running sandbox emulator to use; empty starts one in-process for each preview
 * @param background  where files are read, sign-in, look-ups and planning happen
 * @param fx          the FX thread (a direct executor in view-model tests)
 */
public record LaunchServices(Supplier<RunLauncher> launcher, LaunchDefaultsReader defaults, PlanPrinter printer,
                             Supplier<AuditTrail> auditTrail, Clock clock, Dialogs dialogs, String operator,
                             Optional<URI> emulatorUrl, Executor background, Executor fx) {

    public LaunchServices {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(auditTrail, "auditTrail");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(emulatorUrl, "emulatorUrl");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(fx, "fx");
    }

    /** The console's own services, launching as the OS user, the sandbox on an in-process emulator. */
    public static LaunchServices of(ConsoleServices services, Dialogs dialogs, Executor background, Executor fx) {
        return new LaunchServices(services::runLauncher, new LaunchDefaultsReader(), services.planPrinter(),
                services::auditTrail, services.clock(), dialogs, System.getProperty("user.name", "unknown"),
                Optional.empty(), background, fx);
    }

    /** The same services, reaching the sandbox through the emulator already running at {@code url}. */
    public LaunchServices withEmulator(URI url) {
        return new LaunchServices(launcher, defaults, printer, auditTrail, clock, dialogs, operator,
                Optional.of(url), background, fx);
    }
}
