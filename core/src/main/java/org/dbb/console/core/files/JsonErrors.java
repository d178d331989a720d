package org.dbb.console.core.files;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns Jackson's parse errors into text an operator can read. Stateless. */
public final class JsonErrors {

    /** Jackson names the source of a location even when it may not show it; only line and column help. */
    private static final Pattern SOURCE_LOCATION = Pattern.compile(
            "\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)]");

    private JsonErrors() {
    }

    /** Jackson's own description of what is wrong, without source-location noise. */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return SOURCE_LOCATION.matcher(message).replaceAll("line $1, column $2").strip();
    }
}
