package org.dbb.console.core.fabric.http;

/**
 * An enum whose constants stand for values on the wire. The services add enum values over time, so parsing never
 * fails: an unknown value maps to the caller's fallback (usually {@code UNKNOWN}). Implementations are immutable.
 */
public interface WireEnum {

    /** The value as the service spells it. */
    String wireName();

    /** The constant whose wire name equals {@code value} ignoring case, else {@code fallback}. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        String v = value.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equalsIgnoreCase(v)) {
                return constant;
            }
        }
        return fallback;
    }
}
