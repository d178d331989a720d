package org.dbb.console.app.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.database.DatabaseException;

/**
 * Records what an operator did, from the command line or the window, in the audit trail. The action has already
 * happened when this is called, so a trail that cannot be written is passed to {@code warnings} and does not undo
 * or fail the action. Thread-safe when the warnings consumer is.
 */
public final class InterventionRecorder {

    private final Supplier<AuditTrail> trail;
    private final Clock clock;
    private final String actor;
    private final Consumer<String> warnings;

    /**
     * @param trail    the audit trail, opened on first record
     * @param clock    when entries happen
     * @param actor    who acts (the OS user or signed-in account)
     * @param warnings receives a sentence when the trail cannot be written
     */
    public InterventionRecorder(Supplier<AuditTrail> trail, Clock clock, String actor, Consumer<String> warnings) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** A recorder acting as the OS user running the process. */
    public static InterventionRecorder forOsUser(Supplier<AuditTrail> trail, Clock clock, Consumer<String> warnings) {
        return new InterventionRecorder(trail, clock, System.getProperty("user.name", "unknown"), warnings);
    }

    /** A new entry by this recorder's actor, now. */
    public AuditEntry entry(String environment, AuditAction action, String subject) {
        return AuditEntry.of(clock.instant(), actor, environment, action, subject);
    }

    /**
     * The entry for a change to a parameter file: the file's name followed by what changed, so the command line
     * and the window describe parameter edits the same way in the release note.
     *
     * @param environment the one environment the change concerns, or {@code all}
     * @param change      what changed, e.g. {@code --rename-env TEST --to UAT} or {@code key_value_replace 2 PROD}
     */
    public AuditEntry parameterEdit(Path file, String environment, String change) {
        return entry(environment, AuditAction.PARAMETER_EDIT, file.getFileName() + " " + change);
    }

    /** Stores {@code entry}; returns whether it was stored (when not, the warnings consumer heard why). */
    public boolean record(AuditEntry entry) {
        Optional<String> warning = tryRecord(entry);
        warning.ifPresent(warnings);
        return warning.isEmpty();
    }

    /**
     * Stores {@code entry}, for callers that show the failure themselves.
     *
     * @return empty when it was stored; else what went wrong, for the operator
     */
    public Optional<String> tryRecord(AuditEntry entry) {
        try {
            trail.get().record(entry);
            return Optional.empty();
        } catch (DatabaseException e) {
            return Optional.of(e.getMessage() + " (the action itself was done)");
        }
    }
}
