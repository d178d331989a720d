package org.dbb.console.core.notify;

/**
 * Told how each submitted notification ended, so the UI can show it. Delivered and failed are called on the
 * dispatcher's executor; suppressed-duplicate, and failed when that executor refuses work (it is shut down), on
 * the thread that submitted. Must be fast and must not throw: anything it throws is logged and ignored.
 */
public interface DeliveryListener {

    /** A listener that ignores everything. */
    DeliveryListener NONE = new DeliveryListener() {
    };

    /** The channel accepted the notice. */
    default void delivered(DeliveryOutcome.Delivered outcome) {
    }

    /** The notice could not be delivered; {@link DeliveryOutcome.Failed#reason()} says why. */
    default void failed(DeliveryOutcome.Failed outcome) {
    }

    /** The notice was dropped because the same run, subject and kind was already submitted. */
    default void suppressedDuplicate(DeliveryOutcome.SuppressedDuplicate outcome) {
    }
}
