package org.dbb.console.core.emulator;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads request bodies as JSON the way the services do: an absent body is an empty object. Thread-safe. */
final class JsonBodies {

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The body as a JSON object.
     *
     * @param errorCode the code the service uses for malformed input
     * @throws ApiError 400 when the body is not a JSON object
     */
    ObjectNode object(ApiRequest request, String errorCode) {
        if (!request.hasBody()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(errorCode, "The request body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw ApiError.badRequest(errorCode, "The request body cannot be read.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.badRequest(errorCode, "The request body must be a JSON object.");
        }
        return object;
    }

    JsonNode parse(byte[] bytes) throws IOException {
        return mapper.readTree(bytes);
    }
}
