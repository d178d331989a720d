package org.dbb.console.core.auth;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbb.console.core.workspace.config.SettingValue;

/**
 * Removes secrets from text taken from libraries (error descriptions) before it reaches a message or a log: the
 * environment's resolved secrets, anything shaped like a JWT, and OAuth form fields that carry credentials.
 * Immutable and thread-safe.
 */
final class Redactor {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final String CREDENTIALS =
            "access_token|refresh_token|id_token|client_secret|client_assertion|device_code|password";
    /** OAuth form fields ({@code client_secret=...}, {@code code=...}) as they appear in request bodies. */
    private static final Pattern FORM_FIELD = Pattern.compile("(?i)\\b((?:" + CREDENTIALS + "|code)=)[^&\\s\"]+");
    /** JSON members ({@code "access_token":"..."}) as they appear in token responses. */
    private static final Pattern JSON_MEMBER = Pattern.compile("(?i)(\"(?:" + CREDENTIALS + ")\"\\s*:\\s*\")[^\"]*");

    private final List<String> secrets;

    Redactor(Collection<String> secrets) {
        // Very short values would mask ordinary words; real secrets and tokens are long.
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 6).toList();
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, SettingValue.MASK);
        }
        out = JWT.matcher(out).replaceAll(SettingValue.MASK);
        out = FORM_FIELD.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + SettingValue.MASK));
        return JSON_MEMBER.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + SettingValue.MASK));
    }
}
