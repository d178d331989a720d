package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.emulator.scenario.TokenExpiry;

/**
 * Decides whether a request's credentials are accepted: any bearer token (Azure DevOps also takes Basic with a
 * PAT) unless the scenario makes tokens expire, in which case each distinct token has its own budget. Thread-safe.
 */
final class TokenGate {

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String CHALLENGE =
            "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"";

    private final Scenario scenario;
    private final Map<String, Use> uses = new HashMap<>();

    TokenGate(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The refusal for this request, if it is refused. */
    synchronized Optional<ApiError> check(Surface surface, Optional<String> authorization, Instant now) {
        Optional<String> token = authorization.flatMap(a -> credential(surface, a));
        if (token.isEmpty()) {
            return Optional.of(missing(surface));
        }
        Optional<TokenExpiry> expiry = scenario.tokenExpiry();
        if (expiry.isEmpty()) {
            return Optional.empty();
        }
        Use use = uses.computeIfAbsent(token.get(), t -> new Use(now));
        use.requests++;
        boolean tooMany = expiry.get().afterRequests().isPresent()
                && use.requests > expiry.get().afterRequests().getAsInt();
        boolean tooOld = expiry.get().afterSeconds().isPresent()
                && !now.isBefore(use.firstSeen.plus(scenario.scaled(expiry.get().afterSeconds().getAsDouble())));
        return tooMany || tooOld ? Optional.of(expired(surface)) : Optional.empty();
    }

    private static Optional<String> credential(Surface surface, String header) {
        String h = header.trim();
        int space = h.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = h.substring(0, space).toLowerCase(Locale.ROOT);
        String value = h.substring(space + 1).trim();
        boolean accepted = scheme.equals("bearer") || (surface == Surface.DEVOPS && scheme.equals("basic"));
        return accepted && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    }

    private static ApiError missing(Surface surface) {
        return switch (surface) {
            case DEVOPS -> new ApiError(401, "UnauthorizedRequestException",
                    "TF400813: The user '' is not authorized to access this resource.", Map.of(WWW_AUTHENTICATE,
                    CHALLENGE));
            case POWER_BI -> new ApiError(401, "Unauthorized",
                    "The request has no bearer token; send Authorization: Bearer <token>.",
                    Map.of(WWW_AUTHENTICATE, CHALLENGE));
            default -> new ApiError(401, "Unauthorized",
                    "The request has no bearer token; send Authorization: Bearer <token>.",
                    Map.of(WWW_AUTHENTICATE, CHALLENGE));
        };
    }

    private static ApiError expired(Surface surface) {
        String challenge = CHALLENGE + ", error=\"invalid_token\", error_description=\"The access token has expired\"";
        return switch (surface) {
            case DEVOPS -> new ApiError(401, "UnauthorizedRequestException",
                    "TF400813: The user '' is not authorized to access this resource.", Map.of(WWW_AUTHENTICATE,
                    challenge));
            // Power BI answers an expired token with 403, as its troubleshooting guide shows.
            case POWER_BI -> new ApiError(403, "TokenExpired",
                    "Access token has expired, resubmit with a new access token", Map.of());
            default -> new ApiError(401, "TokenExpired", "The access token has expired.",
                    Map.of(WWW_AUTHENTICATE, challenge));
        };
    }

    /** How much one token has been used. */
    private static final class Use {
        private final Instant firstSeen;
        private long requests;

        Use(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }
    }
}
