package org.dbb.console.core.workspace.config;

import java.util.Optional;

/**
 * Where failure and overrun notices go: a Teams Workflows webhook (Adaptive Card) or a plain JSON webhook.
 * The webhook URL is a secret. Immutable.
 *
 * @param kind    the kind of channel
 * @param webhook the webhook URL (usually a {@code $ENV:} reference); empty disables notifications
 */
public record NotificationSettings(Kind kind, Optional<SettingValue> webhook) {

    /** The kinds of notification channel. */
    public enum Kind {
        TEAMS, WEBHOOK
    }

    public static final NotificationSettings NONE = new NotificationSettings(Kind.TEAMS, Optional.empty());
}
