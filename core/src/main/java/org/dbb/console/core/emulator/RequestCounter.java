package org.dbb.console.core.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests per route key; the count also numbers requests for scripted faults. Thread-safe. */
final class RequestCounter {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one more request and returns its 1-based number on that route. */
    long next(String routeKey) {
        return counts.computeIfAbsent(routeKey, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
