package org.dbb.console.core.monitoring;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance for each distinct value of the columns that repeat from row to row (run id, environment, stage,
 * activity, item, error code, operator), so that 100,000 rows read from a store hold a few hundred strings instead
 * of 700,000 copies: a tenth of the memory, and far less for the collector to copy while a window follows a flood
 * of rows. Bounded: past {@link #LIMIT} distinct values it starts afresh, so a column with unique values (a
 * mistake, not the schema's intent) costs no more than not sharing. Thread-safe.
 */
final class SharedStrings {

    static final int LIMIT = 8_192;

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

    /** The shared instance equal to {@code value}; null for null. */
    String share(String value) {
        if (value == null) {
            return null;
        }
        String shared = values.putIfAbsent(value, value);
        if (shared != null) {
            return shared;
        }
        if (values.size() > LIMIT) {
            values.clear();
        }
        return value;
    }
}
