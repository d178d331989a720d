package org.dbb.console.core.notify;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import okhttp3.HttpUrl;

import org.dbb.console.core.auth.ResolvedSetting;
import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.workspace.config.NotificationSettings;

/**
 * Where one environment's notices go: a Teams Workflows webhook or a plain JSON webhook, with its URL resolved.
 * The URL is a secret (it is the only credential a webhook has): it is readable inside this package only, and
 * {@link #toString()} and {@link #maskedUrl()} show the origin alone. Immutable and thread-safe.
 */
public final class NotificationChannel {

    /** The setting's path below {@code environments.<name>} in {@code dbb-console.yml}, for messages. */
    static final String SETTING = "notifications.webhook";

    private final NotificationSettings.Kind kind;
    private final HttpUrl url;

    private NotificationChannel(NotificationSettings.Kind kind, HttpUrl url) {
        this.kind = kind;
        this.url = url;
    }

    /**
     * A channel posting to {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL (the message never
     *                                  repeats it)
     */
    public static NotificationChannel of(NotificationSettings.Kind kind, String url) {
        Objects.requireNonNull(kind, "kind");
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("the webhook is not an absolute http(s) URL (not shown: it is a"
                    + " secret)");
        }
        return new NotificationChannel(kind, parsed);
    }

    /**
     * The channel {@code settings} configure for {@code environment}, resolving a {@code $ENV:NAME} webhook through
     * {@code resolver}; empty when no webhook is configured, which turns notifications off.
     *
     * @throws NotificationSetupException when the reference cannot be resolved (the message names the variable
     *                                    and the environment) or the value is not a URL
     */
    public static Optional<NotificationChannel> resolve(String environment, NotificationSettings settings,
                                                        SettingResolver resolver) {
        Objects.requireNonNull(environment, "environment");
        if (settings.webhook().isEmpty()) {
            return Optional.empty();
        }
        ResolvedSetting resolved;
        try {
            resolved = resolver.resolve(SETTING, settings.webhook().get());
        } catch (SignInException e) {
            throw new NotificationSetupException(environment, "notifications for " + environment
                    + " cannot be sent: " + e.getMessage());
        }
        try {
            return Optional.of(of(settings.kind(), resolved.value()));
        } catch (IllegalArgumentException e) {
            String from = resolved.reference().map(r -> ", resolved from " + r + ",").orElse("");
            throw new NotificationSetupException(environment, "notifications for " + environment
                    + " cannot be sent: environments." + environment + "." + SETTING + from
                    + " is not an absolute http(s) URL (the value is not shown: it is a secret)");
        }
    }

    /** Teams (Adaptive Card) or plain JSON. */
    public NotificationSettings.Kind kind() {
        return kind;
    }

    /**
     * The URL as it may be shown or logged: scheme and host (and a port other than the scheme's default), then
     * an ellipsis, e.g. {@code https://prod-12.westeurope.logic.azure.com/…}.
     */
    public String maskedUrl() {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port()) + "/…";
    }

    /** The secret URL; for the dispatcher only. */
    HttpUrl url() {
        return url;
    }

    @Override
    public String toString() {
        return "NotificationChannel[" + kind.name().toLowerCase(Locale.ROOT) + " " + maskedUrl() + "]";
    }
}
