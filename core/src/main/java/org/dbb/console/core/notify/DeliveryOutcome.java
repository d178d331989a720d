package org.dbb.console.core.notify;

import java.util.Objects;

/**
 * How one submitted notification ended: delivered, failed for good, or dropped as a duplicate. Never an
 * exception: delivery problems are reported, not thrown. Immutable.
 */
public sealed interface DeliveryOutcome permits DeliveryOutcome.Delivered, DeliveryOutcome.Failed,
        DeliveryOutcome.SuppressedDuplicate {

    /** The notification this is about. */
    Notification notification();

    /**
     * The channel accepted the notice (any 2xx).
     *
     * @param notification the notification
     * @param channel      the masked webhook URL
     * @param status       the HTTP status of the accepting answer
     * @param attempts     how many attempts it took (1 when the first succeeded)
     */
    record Delivered(Notification notification, String channel, int status, int attempts)
            implements DeliveryOutcome {

        public Delivered {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /**
     * The notice could not be delivered: a final answer (4xx other than 429), or retries ran out.
     *
     * @param notification the notification
     * @param channel      the masked webhook URL
     * @param reason       why, for operators; never contains the URL
     * @param attempts     how many attempts were made (0 when none could be started)
     */
    record Failed(Notification notification, String channel, String reason, int attempts)
            implements DeliveryOutcome {

        public Failed {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An identical notice (same run, subject and kind) was submitted before, so this one was not sent.
     *
     * @param notification the dropped notification
     */
    record SuppressedDuplicate(Notification notification) implements DeliveryOutcome {

        public SuppressedDuplicate {
            Objects.requireNonNull(notification, "notification");
        }
    }
}
