package org.dbb.console.core.workspace.params;

/**
 * A YAML text that PyYAML's SafeLoader (with fabric-cicd's duplicate-key check) would refuse; the message is the
 * text PyYAML prints. Immutable; thrown and caught inside this package only.
 */
final class YamlLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param pyYamlMessage the error text as {@code str(e)} gives it in Python
     * @param line          1-based line of the problem, 0 when unknown
     * @param column        1-based column of the problem, 0 when unknown
     */
    YamlLoadException(String pyYamlMessage, int line, int column) {
        super(pyYamlMessage);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
