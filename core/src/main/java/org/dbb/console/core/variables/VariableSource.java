package org.dbb.console.core.variables;

/** Where one of an environment's variables comes from, as the {@code $ENV:NAME} lookup order sees it. Immutable. */
public enum VariableSource {
    /** A variable of the environment's Azure DevOps variable group. */
    VARIABLE_GROUP("variable group"),
    /** A secret of a variable group linked to Azure Key Vault; Azure DevOps lists only its name. */
    KEY_VAULT_GROUP("Key Vault-linked group"),
    /** An inline variable of the environment in {@code dbb-console.yml}. */
    INLINE("inline in dbb-console.yml"),
    /** The console's OS environment (only names the environment's settings refer to are listed). */
    OS_ENVIRONMENT("OS environment");

    private final String label;

    VariableSource(String label) {
        this.label = label;
    }

    /** A short label for tables. */
    public String label() {
        return label;
    }
}
