package org.dbb.console.core.fabric.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which activity runs of a pipeline run to fetch: a last-updated window (required by the service) and optional
 * filters. Immutable.
 *
 * @param lastUpdatedAfter  start of the window
 * @param lastUpdatedBefore end of the window
 * @param filters           filters, all of which must match
 * @param descendingByStart whether to ask for the newest activity runs first
 */
public record ActivityRunQuery(Instant lastUpdatedAfter, Instant lastUpdatedBefore, List<ActivityRunFilter> filters,
        boolean descendingByStart) {

    private static final Duration MARGIN = Duration.ofHours(1);

    public ActivityRunQuery {
        Objects.requireNonNull(lastUpdatedAfter, "lastUpdatedAfter");
        Objects.requireNonNull(lastUpdatedBefore, "lastUpdatedBefore");
        if (!lastUpdatedAfter.isBefore(lastUpdatedBefore)) {
            throw new IllegalArgumentException("lastUpdatedAfter must be before lastUpdatedBefore");
        }
        filters = List.copyOf(filters);
    }

    public static ActivityRunQuery between(Instant after, Instant before) {
        return new ActivityRunQuery(after, before, List.of(), false);
    }

    /** A window sure to contain the whole run: from an hour before it started to an hour after {@code now}. */
    public static ActivityRunQuery forRunStartedAt(Instant runStart, Instant now) {
        return between(runStart.minus(MARGIN), now.plus(MARGIN));
    }

    public ActivityRunQuery withFilter(ActivityRunFilter filter) {
        List<ActivityRunFilter> more = new ArrayList<>(filters);
        more.add(Objects.requireNonNull(filter, "filter"));
        return new ActivityRunQuery(lastUpdatedAfter, lastUpdatedBefore, more, descendingByStart);
    }

    public ActivityRunQuery newestFirst() {
        return new ActivityRunQuery(lastUpdatedAfter, lastUpdatedBefore, filters, true);
    }
}
