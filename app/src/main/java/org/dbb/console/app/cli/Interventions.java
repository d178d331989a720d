package org.dbb.console.app.cli;

import java.io.PrintWriter;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;

/**
 * Records what an operator did from the command line in the audit trail, through the window's own
 * {@link org.dbb.console.app.audit.Interventions}. A trail that cannot be written is reported on stderr and does not
 * turn the command into a failure. Not thread-safe; one per command.
 */
final class Interventions {

    private final org.dbb.console.app.audit.Interventions shared;
    private final PrintWriter err;

    Interventions(ConsoleServices services, PrintWriter err) {
        this.shared = org.dbb.console.app.audit.Interventions.byOsUser(services::auditTrail, services.clock());
        this.err = err;
    }

    /** A new entry by the OS user, now. */
    AuditEntry entry(String environment, AuditAction action, String subject) {
        return shared.entry(environment, action, subject);
    }

    void record(AuditEntry entry) {
        shared.record(entry).ifPresent(warning -> {
            err.println("dbb: warning: " + warning);
            err.flush();
        });
    }
}
