package org.dbb.console.core.workspace.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the console signs in to an environment's tenant, by its {@code dbb-console.yml} spelling. Immutable. */
public enum AuthMethod {
    INTERACTIVE("interactive"),
    DEVICE_CODE("device-code"),
    AZURE_CLI("azure-cli"),
    SERVICE_PRINCIPAL("service-principal"),
    DEFAULT("default");

    private final String spelling;

    AuthMethod(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<AuthMethod> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(text)).findFirst();
    }

    /** The accepted spellings, for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(AuthMethod::spelling).collect(Collectors.joining(" | "));
    }
}
