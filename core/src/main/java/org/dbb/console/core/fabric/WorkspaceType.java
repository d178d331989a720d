package org.dbb.console.core.fabric;

import org.dbb.console.core.fabric.http.WireEnum;

/** Kind of Fabric workspace. Immutable. */
public enum WorkspaceType implements WireEnum {
    PERSONAL("Personal"),
    WORKSPACE("Workspace"),
    ADMIN_WORKSPACE("AdminWorkspace"),
    UNKNOWN("Unknown");

    private final String wireName;

    WorkspaceType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static WorkspaceType parse(String value) {
        return WireEnum.parse(WorkspaceType.class, value, UNKNOWN);
    }
}
