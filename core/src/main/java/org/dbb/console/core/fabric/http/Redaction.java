package org.dbb.console.core.fabric.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Masks secrets in text that may reach logs, messages or exports: bearer tokens, JWTs, credential-like query
 * parameters ({@code sig=}, {@code code=}, {@code *token*}, {@code *secret*}, {@code *key*} …) and whole webhook
 * URLs (Teams Workflows, Power Automate, incoming webhooks). Stateless and thread-safe.
 */
public final class Redaction {

    /** What every secret is replaced with. */
    public static final String MASK = "••••••";

    private static final List<String> WEBHOOK_HOST_SUFFIXES = List.of("logic.azure.com", "powerautomate.com",
            "powerplatform.com", "webhook.office.com", "outlook.office.com", "hooks.slack.com");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9\\-._~+/=]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&\\s\"'{,]|^)([A-Za-z0-9_.-]*(?:token|secret|password|passwd|signature|key)[A-Za-z0-9_.-]*"
                    + "|sig|code|sv|se|sp|pat)(=|\"\\s*:\\s*\")([^&\\s\"']+)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

    private Redaction() {
    }

    /** {@code text} with every secret masked; null stays null. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replaceWebhookUrls(text);
        out = BEARER.matcher(out).replaceAll("$1 " + Matcher.quoteReplacement(MASK));
        out = JWT.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        out = SECRET_PARAM.matcher(out).replaceAll("$1$2$3" + Matcher.quoteReplacement(MASK));
        return out;
    }

    /** The URL as it may be logged: webhook URLs reduced to their host, secret query values masked. */
    public static String url(HttpUrl url) {
        if (isWebhookHost(url.host())) {
            return url.scheme() + "://" + url.host() + "/" + MASK;
        }
        return url.scheme() + "://" + url.host() + ":" + url.port() + pathAndQuery(url);
    }

    /** Path and query of {@code url} with secret query values masked (webhook URLs entirely masked). */
    public static String pathAndQuery(HttpUrl url) {
        if (isWebhookHost(url.host())) {
            return "/" + MASK;
        }
        StringBuilder out = new StringBuilder(url.encodedPath());
        for (int i = 0; i < url.querySize(); i++) {
            out.append(i == 0 ? '?' : '&');
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            out.append(name);
            if (value != null) {
                out.append('=').append(isSecretName(name) ? MASK : value);
            }
        }
        return out.toString();
    }

    /** The value of header {@code name} as it may be logged. */
    public static String header(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("authorization") || n.equals("proxy-authorization") || n.contains("cookie")
                || isSecretName(n)) {
            return MASK;
        }
        return text(value);
    }

    /** All headers on one line as they may be logged. */
    public static String headers(Headers headers) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(headers.name(i)).append(": ").append(header(headers.name(i), headers.value(i)));
        }
        return out.toString();
    }

    private static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("sig") || n.equals("code") || n.equals("sv") || n.equals("se") || n.equals("sp")
                || n.equals("pat") || n.contains("token") || n.contains("secret") || n.contains("password")
                || n.contains("passwd") || n.contains("signature") || n.contains("key");
    }

    private static String replaceWebhookUrls(String text) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            HttpUrl parsed = HttpUrl.parse(m.group());
            String replacement = parsed != null && isWebhookHost(parsed.host())
                    ? parsed.scheme() + "://" + parsed.host() + "/" + MASK
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isWebhookHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return WEBHOOK_HOST_SUFFIXES.stream().anyMatch(s -> h.equals(s) || h.endsWith("." + s));
    }
}
