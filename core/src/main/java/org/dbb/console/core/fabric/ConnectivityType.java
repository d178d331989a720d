package org.dbb.console.core.fabric;

import org.dbb.console.core.fabric.http.WireEnum;

/** How a Fabric connection reaches its data source. Immutable. */
public enum ConnectivityType implements WireEnum {
    SHAREABLE_CLOUD("ShareableCloud"),
    PERSONAL_CLOUD("PersonalCloud"),
    ON_PREMISES_GATEWAY("OnPremisesGateway"),
    ON_PREMISES_GATEWAY_PERSONAL("OnPremisesGatewayPersonal"),
    VIRTUAL_NETWORK_GATEWAY("VirtualNetworkGateway"),
    STREAMING_VIRTUAL_NETWORK_GATEWAY("StreamingVirtualNetworkGateway"),
    AUTOMATIC("Automatic"),
    NONE("None"),
    UNKNOWN("Unknown");

    private final String wireName;

    ConnectivityType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static ConnectivityType parse(String value) {
        return WireEnum.parse(ConnectivityType.class, value, UNKNOWN);
    }
}
