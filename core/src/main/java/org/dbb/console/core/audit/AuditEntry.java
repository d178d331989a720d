package org.dbb.console.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One operator intervention: who did what, when, where, what changed (before → after) and why. Values are
 * descriptions an operator reads, never secrets. Immutable.
 *
 * @param id          the trail's sequence number; empty until stored
 * @param at          when (UTC)
 * @param actor       the OS user or signed-in account
 * @param environment the environment it concerned
 * @param action      what kind of intervention
 * @param subject     what it was done to, e.g. {@code run 20261127-0605-31-a3f9} or
 *                    {@code transformation_pipeline_DBB / Build gold with dbt}
 * @param before      the value before, for changes
 * @param after       the value after, for changes
 * @param runId       the run it started or concerned
 * @param reason      the reason the operator gave
 */
public record AuditEntry(OptionalLong id, Instant at, String actor, String environment, AuditAction action,
                         String subject, Optional<String> before, Optional<String> after, Optional<String> runId,
                         Optional<String> reason) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(reason, "reason");
    }

    /** A new, unstored entry. */
    public static AuditEntry of(Instant at, String actor, String environment, AuditAction action, String subject) {
        return new AuditEntry(OptionalLong.empty(), at, actor, environment, action, subject, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AuditEntry withChange(String beforeValue, String afterValue) {
        return new AuditEntry(id, at, actor, environment, action, subject, Optional.ofNullable(beforeValue),
                Optional.ofNullable(afterValue), runId, reason);
    }

    public AuditEntry withRun(String run) {
        return new AuditEntry(id, at, actor, environment, action, subject, before, after, Optional.of(run), reason);
    }

    public AuditEntry withReason(String text) {
        return new AuditEntry(id, at, actor, environment, action, subject, before, after, runId,
                Optional.ofNullable(text).filter(t -> !t.isBlank()));
    }

    AuditEntry withId(long stored) {
        return new AuditEntry(OptionalLong.of(stored), at, actor, environment, action, subject, before, after, runId,
                reason);
    }
}
