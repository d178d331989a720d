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
    private static final Pattern CREDENTIAL_FIELD = Pattern.compile(
            "(?i)(\"?(?:access_token|refresh_token|id_token|client_secret|client_assertion|device_code|code|password)"
                    + "\"?\\s*[=:]\\s*\"?)([^&\\s\",}]+)");

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
        Matcher m = CREDENTIAL_FIELD.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + SettingValue.MASK));
    }
}
