package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;

/**
 * Records what an operator did from the command line in the audit trail through the recorder the window uses too;
 * a trail that cannot be written is reported on stderr and does not turn the command into a failure. Not
 * thread-safe; one per command.
 */
final class Interventions {

    private final InterventionRecorder recorder;

    Interventions(ConsoleServices services, PrintWriter err) {
        this.recorder = InterventionRecorder.forOsUser(services::auditTrail, services.clock(), message -> {
            err.println("dbb: warning: " + message);
            err.flush();
        });
    }

    /** A new entry by the OS user, now. */
    AuditEntry entry(String environment, AuditAction action, String subject) {
        return recorder.entry(environment, action, subject);
    }

    /** The entry for a change to a parameter file. */
    AuditEntry parameterEdit(Path file, String environment, String change) {
        return recorder.parameterEdit(file, environment, change);
    }

    void record(AuditEntry entry) {
        recorder.record(entry);
    }
}
