package org.dbb.console.app.cli;

import java.io.PrintWriter;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.database.DatabaseException;

/**
 * Records what an operator did from the command line in the audit trail. The action itself has already happened
 * when this is called, so a trail that cannot be written is reported on stderr and does not turn the command into
 * a failure. Not thread-safe; one per command.
 */
final class Interventions {

    private final ConsoleServices services;
    private final PrintWriter err;

    Interventions(ConsoleServices services, PrintWriter err) {
        this.services = services;
        this.err = err;
    }

    /** A new entry by the OS user, now. */
    AuditEntry entry(String environment, AuditAction action, String subject) {
        return AuditEntry.of(services.clock().instant(), System.getProperty("user.name", "unknown"), environment,
                action, subject);
    }

    void record(AuditEntry entry) {
        try {
            services.auditTrail().record(entry);
        } catch (DatabaseException e) {
            err.println("dbb: warning: " + e.getMessage() + " (the action itself was done)");
            err.flush();
        }
    }
}
