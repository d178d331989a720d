package org.dbb.console.core.notify;

import java.util.Objects;

/**
 * An environment's notification channel cannot be set up, e.g. its {@code $ENV:NAME} webhook has no value. The
 * message names the setting, the variable and the environment and says how to fix it; it never holds the URL.
 * Not modified after construction.
 */
public class NotificationSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String environment;

    public NotificationSetupException(String environment, String message) {
        super(message);
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The environment whose channel failed. */
    public String environment() {
        return environment;
    }
}
