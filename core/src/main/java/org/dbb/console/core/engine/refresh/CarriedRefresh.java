package org.dbb.console.core.engine.refresh;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an earlier console, stopped in the middle of a run, had done for one model: the attempt to go on with and,
 * when that attempt had been requested, when and (if Power BI's answer arrived) as which refresh. The conductor
 * watches such a refresh instead of requesting another; a request whose answer never arrived is looked for in the
 * model's refresh history first. Immutable.
 *
 * @param attempt         the attempt to go on with; the ones before it were made and ended
 * @param submittingAt    when that attempt was about to be requested; empty when it never was
 * @param refreshId       the refresh Power BI accepted for it, when its answer arrived
 * @param otherRefreshes  refreshes of the model's earlier attempts, never taken for this one
 */
public record CarriedRefresh(int attempt, Optional<Instant> submittingAt, Optional<String> refreshId,
                             Set<String> otherRefreshes) {

    public CarriedRefresh {
        Objects.requireNonNull(submittingAt, "submittingAt");
        Objects.requireNonNull(refreshId, "refreshId");
        otherRefreshes = Set.copyOf(otherRefreshes);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
        if (refreshId.isPresent() && submittingAt.isEmpty()) {
            throw new IllegalArgumentException("a refresh id needs the time its request was sent");
        }
    }

    /** Attempts before {@code attempt} ended; {@code attempt} is requested as any other. */
    public static CarriedRefresh next(int attempt) {
        return new CarriedRefresh(attempt, Optional.empty(), Optional.empty(), Set.of());
    }

    /** Attempt {@code attempt} was requested at {@code submittingAt} and had not ended. */
    public static CarriedRefresh open(int attempt, Instant submittingAt, Optional<String> refreshId,
                                      Set<String> otherRefreshes) {
        return new CarriedRefresh(attempt, Optional.of(submittingAt), refreshId, otherRefreshes);
    }

    /** Whether the attempt had been requested, so it is found again rather than requested. */
    public boolean requested() {
        return submittingAt.isPresent();
    }
}
