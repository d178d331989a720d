package org.dbb.console.core.auth;

/** The audiences the console asks tokens for; a token is valid for one audience only. Immutable. */
public enum TokenScope {
    FABRIC("https://api.fabric.microsoft.com/.default"),
    POWER_BI("https://analysis.windows.net/powerbi/api/.default"),
    SQL("https://database.windows.net/.default"),
    AZURE_DEVOPS("499b84ac-1321-427f-aa17-267ca6975798/.default");

    private final String scope;

    TokenScope(String scope) {
        this.scope = scope;
    }

    /** The {@code .default} scope string to request. */
    public String scope() {
        return scope;
    }
}
