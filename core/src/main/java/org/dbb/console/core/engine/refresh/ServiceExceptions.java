package org.dbb.console.core.engine.refresh;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dbb.console.core.fabric.powerbi.RefreshAttempt;
import org.dbb.console.core.fabric.powerbi.RefreshDetail;
import org.dbb.console.core.fabric.powerbi.RefreshMessage;

/**
 * Reads why a refresh failed from its detail: the stable {@code errorCode} inside the last attempt's
 * {@code serviceExceptionJson} (a JSON text within the JSON), else the engine message's hex code. Stateless.
 */
final class ServiceExceptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceExceptions() {
    }

    static Optional<String> errorCode(RefreshDetail detail) {
        return lastServiceException(detail).map(e -> e.path("errorCode").asText(""))
                .filter(code -> !code.isBlank())
                .or(() -> firstError(detail).map(RefreshMessage::code).filter(code -> !code.isBlank()));
    }

    /** The service's description, with the engine's code when it gave one, e.g. "… (0xC11C0020)". */
    static Optional<String> message(RefreshDetail detail) {
        Optional<RefreshMessage> engine = firstError(detail);
        Optional<String> text = lastServiceException(detail).map(e -> e.path("errorDescription").asText(""))
                .filter(t -> !t.isBlank())
                .or(() -> engine.map(RefreshMessage::message).filter(t -> !t.isBlank()));
        return text.map(t -> engine.map(RefreshMessage::code).filter(c -> !c.isBlank() && !t.contains(c))
                .map(c -> t + " (" + c + ")").orElse(t));
    }

    private static Optional<RefreshMessage> firstError(RefreshDetail detail) {
        List<RefreshMessage> errors = detail.errors();
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0));
    }

    private static Optional<JsonNode> lastServiceException(RefreshDetail detail) {
        List<RefreshAttempt> attempts = detail.attempts();
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Optional<String> json = attempts.get(i).serviceExceptionJson();
            if (json.isPresent() && !json.get().isBlank()) {
                try {
                    JsonNode node = JSON.readTree(json.get());
                    if (node != null && node.isObject()) {
                        return Optional.of(node);
                    }
                } catch (JsonProcessingException e) {
                    // Power BI sometimes sends plain text here; the engine messages still name the error
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
