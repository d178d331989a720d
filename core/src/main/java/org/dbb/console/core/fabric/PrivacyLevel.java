package org.dbb.console.core.fabric;

import org.dbb.console.core.fabric.http.WireEnum;

/** Privacy level of a Fabric connection. Immutable. */
public enum PrivacyLevel implements WireEnum {
    NONE("None"),
    PRIVATE("Private"),
    ORGANIZATIONAL("Organizational"),
    PUBLIC("Public"),
    UNKNOWN("Unknown");

    private final String wireName;

    PrivacyLevel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static PrivacyLevel parse(String value) {
        return WireEnum.parse(PrivacyLevel.class, value, UNKNOWN);
    }
}
