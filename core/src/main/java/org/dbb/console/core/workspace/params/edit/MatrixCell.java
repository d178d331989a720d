package org.dbb.console.core.workspace.params.edit;

import java.util.Objects;

/**
 * One environment's value in one entry of a {@link ParameterMatrix}. Immutable.
 *
 * @param environment the environment key as the file spells it ({@code _ALL_} in any case included)
 * @param value       the value as plain Java data: String, Boolean, BigInteger, Double, List, Map (key order kept)
 * @param pythonType  the type name fabric-cicd sees ({@code str}, {@code bool}, {@code int}, {@code float},
 *                    {@code list}, {@code dict}, {@code None})
 * @param editText    the value as an operator types it back: find_replace text as it is; other values as a YAML
 *                    flow value, text quoted only where YAML would otherwise read it as something else
 */
public record MatrixCell(String environment, Object value, String pythonType, String editText) {

    public MatrixCell {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(pythonType, "pythonType");
        Objects.requireNonNull(editText, "editText");
    }

    /** Whether this is the all-environments key. */
    public boolean isAll() {
        return EnvironmentNames.isAll(environment);
    }
}
