package org.dbb.console.core.fabric.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dbb.console.core.fabric.http.WaitListener;
import org.dbb.console.core.fabric.http.Waiting;

/** Keeps every reported wait. */
public final class RecordingWaits implements WaitListener {

    private final List<Waiting> waits = new CopyOnWriteArrayList<>();

    @Override
    public void waiting(Waiting waiting) {
        waits.add(waiting);
    }

    public List<Waiting> all() {
        return List.copyOf(waits);
    }

    public List<String> reasons() {
        return waits.stream().map(Waiting::reason).toList();
    }
}
