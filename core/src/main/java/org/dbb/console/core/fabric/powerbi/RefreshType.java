package org.dbb.console.core.fabric.powerbi;

import org.dbb.console.core.fabric.http.WireEnum;

/** What an enhanced refresh does to the model. Immutable. */
public enum RefreshType implements WireEnum {
    FULL("Full"),
    CLEAR_VALUES("ClearValues"),
    CALCULATE("Calculate"),
    DATA_ONLY("DataOnly"),
    AUTOMATIC("Automatic"),
    DEFRAGMENT("Defragment");

    private final String wireName;

    RefreshType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
