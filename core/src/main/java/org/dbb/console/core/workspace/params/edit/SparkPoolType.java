package org.dbb.console.core.workspace.params.edit;

/** Where fabric-cicd looks up a custom Spark pool by name ({@code type} in a spark_pool value). Immutable. */
public enum SparkPoolType {
    CAPACITY("Capacity"),
    WORKSPACE("Workspace");

    private final String yamlValue;

    SparkPoolType(String yamlValue) {
        this.yamlValue = yamlValue;
    }

    /** The exact, case-sensitive text fabric-cicd accepts. */
    public String yamlValue() {
        return yamlValue;
    }

    /** The type written as {@code text}, compared case-sensitively as fabric-cicd does; null when none matches. */
    static SparkPoolType fromYamlValue(String text) {
        for (SparkPoolType type : values()) {
            if (type.yamlValue.equals(text)) {
                return type;
            }
        }
        return null;
    }
}
