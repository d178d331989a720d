package org.dbb.console.core.fabric.devops;

import org.dbb.console.core.fabric.http.WireEnum;

/** Kind of Azure DevOps variable group. Immutable. */
public enum VariableGroupType implements WireEnum {
    /** Variables stored in Azure DevOps. */
    VSTS("Vsts"),
    /** Variables linked to secrets of an Azure Key Vault. */
    AZURE_KEY_VAULT("AzureKeyVault"),
    UNKNOWN("Unknown");

    private final String wireName;

    VariableGroupType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static VariableGroupType parse(String value) {
        return WireEnum.parse(VariableGroupType.class, value, UNKNOWN);
    }
}
