package org.dbb.console.core.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every outcome it is told, in order. Thread-safe. */
final class RecordingListener implements DeliveryListener {

    final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(DeliveryOutcome.Delivered outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void failed(DeliveryOutcome.Failed outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void suppressedDuplicate(DeliveryOutcome.SuppressedDuplicate outcome) {
        outcomes.add(outcome);
    }
}
