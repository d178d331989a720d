package org.dbb.console.core.fabric.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Base URLs of the services, so the same clients can talk to Microsoft's cloud or to an emulator on 127.0.0.1.
 * Paths such as {@code /v1/...} (Fabric), {@code /v1.0/myorg/...} (Power BI) and {@code /{org}/{project}/_apis/...}
 * (Azure DevOps) are appended to these bases. Immutable and thread-safe.
 *
 * @param fabric      base of the Fabric REST API, normally {@code https://api.fabric.microsoft.com}
 * @param powerBi     base of the Power BI REST API, normally {@code https://api.powerbi.com}
 * @param azureDevOps base of the Azure DevOps REST API, normally {@code https://dev.azure.com}
 */
public record ServiceEndpoints(URI fabric, URI powerBi, URI azureDevOps) {

    /** Microsoft's public cloud. */
    public static final ServiceEndpoints PUBLIC_CLOUD = new ServiceEndpoints(
            URI.create("https://api.fabric.microsoft.com"),
            URI.create("https://api.powerbi.com"),
            URI.create("https://dev.azure.com"));

    public ServiceEndpoints {
        requireHttpBase(fabric, "fabric");
        requireHttpBase(powerBi, "powerBi");
        requireHttpBase(azureDevOps, "azureDevOps");
    }

    /** All three services served from one base, as the embedded emulator does. */
    public static ServiceEndpoints emulator(URI base) {
        return new ServiceEndpoints(base, base, base);
    }

    /** The base URL of {@code service}. */
    public URI of(Service service) {
        return switch (service) {
            case FABRIC -> fabric;
            case POWER_BI -> powerBi;
            case AZURE_DEVOPS -> azureDevOps;
        };
    }

    private static void requireHttpBase(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL, was " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not carry a query or fragment: " + uri);
        }
    }
}
