package org.dbb.console.core.fabric.http;

import org.dbb.console.core.auth.TokenScope;

/** A REST service the console talks to, with the token audience its calls need. Immutable. */
public enum Service {
    FABRIC("Fabric", TokenScope.FABRIC),
    POWER_BI("Power BI", TokenScope.POWER_BI),
    AZURE_DEVOPS("Azure DevOps", TokenScope.AZURE_DEVOPS);

    private final String displayName;
    private final TokenScope scope;

    Service(String displayName, TokenScope scope) {
        this.displayName = displayName;
        this.scope = scope;
    }

    /** The name operators know the service by, used in waiting reasons and messages. */
    public String displayName() {
        return displayName;
    }

    /** The token audience for calls to this service. */
    public TokenScope scope() {
        return scope;
    }
}
