package org.dbb.console.app.audit;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.database.DatabaseException;

/**
 * Records what an operator did, from the command line or the window, in the audit trail: entries by one actor, at
 * the clock's time. The action itself has already happened when it is recorded, so a trail that cannot be written
 * comes back as a warning to show, never as a failure of the action. Thread-safe; {@link #record} blocks on the
 * database, so call it off the FX thread.
 */
public final class Interventions {

    private final Supplier<AuditTrail> trail;
    private final Clock clock;
    private final String actor;

    /**
     * @param trail opens the audit trail on first use (the embedded database is opened lazily)
     * @param actor who acts: the OS user or the signed-in account
     */
    public Interventions(Supplier<AuditTrail> trail, Clock clock, String actor) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** Interventions by the user running the process. */
    public static Interventions byOsUser(Supplier<AuditTrail> trail, Clock clock) {
        return new Interventions(trail, clock, System.getProperty("user.name", "unknown"));
    }

    /** A new entry by this actor, now. */
    public AuditEntry entry(String environment, AuditAction action, String subject) {
        return AuditEntry.of(clock.instant(), actor, environment, action, subject);
    }

    /**
     * Records {@code entry}.
     *
     * @return empty when it was recorded; else what went wrong, for the operator
     */
    public Optional<String> record(AuditEntry entry) {
        try {
            trail.get().record(entry);
            return Optional.empty();
        } catch (DatabaseException e) {
            return Optional.of(e.getMessage() + " (the action itself was done)");
        }
    }
}
