package org.dbb.console.app.launch;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Spinner values for the refresh concurrency cap where empty (null) means the plan's default: stepping up from
 * empty starts at the default, stepping down below 1 empties it again. Text that is not a whole number leaves the
 * value as it was. Use on the FX thread.
 */
final class CapValueFactory extends SpinnerValueFactory<Integer> {

    private static final int MAX = 100;

    private final ReadOnlyIntegerProperty planDefault;

    CapValueFactory(ReadOnlyIntegerProperty planDefault) {
        this.planDefault = planDefault;
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                String typed = text == null ? "" : text.strip();
                if (typed.isEmpty()) {
                    return null;
                }
                try {
                    return Integer.parseInt(typed);
                } catch (NumberFormatException e) {
                    return getValue();
                }
            }
        });
    }

    @Override
    public void decrement(int steps) {
        Integer now = getValue();
        int next = (now == null ? planDefault.get() : now) - steps;
        setValue(next < 1 ? null : next);
    }

    @Override
    public void increment(int steps) {
        Integer now = getValue();
        setValue(Math.min(MAX, now == null ? planDefault.get() : now + steps));
    }
}
