package org.dbb.console.core.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One request the emulator's webhook sink received, e.g. a Teams Adaptive Card. Immutable.
 *
 * @param name        the sink name (the last path segment of the webhook URL)
 * @param receivedAt  when it arrived, on the emulator's clock
 * @param contentType the request's {@code Content-Type}, or empty
 * @param body        the body as UTF-8 text
 */
public record WebhookPost(String name, Instant receivedAt, String contentType, String body) {

    public WebhookPost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    static WebhookPost of(String name, Instant receivedAt, String contentType, byte[] body) {
        return new WebhookPost(name, receivedAt, contentType, new String(body, StandardCharsets.UTF_8));
    }
}
