package org.dbb.console.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads who a token was issued to from its claims, for the sign-in indicator when azure-identity does not say
 * (Azure CLI, the default chain). Only the payload's names are read; the signature is not checked because nothing
 * is trusted on it. Stateless and thread-safe.
 */
final class TokenClaims {

    private static final List<String> USER_CLAIMS = List.of("upn", "preferred_username", "unique_name", "email");

    private final ObjectMapper mapper = new ObjectMapper();

    /** The account a token names, or empty when the token is not a readable JWT. */
    Optional<String> account(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = mapper.readTree(new String(json, StandardCharsets.UTF_8));
            for (String name : USER_CLAIMS) {
                JsonNode value = claims.get(name);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return Optional.of(value.asText());
                }
            }
            JsonNode app = claims.has("appid") ? claims.get("appid") : claims.get("azp");
            if (app != null && app.isTextual()) {
                return Optional.of("application " + app.asText());
            }
            return Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}
