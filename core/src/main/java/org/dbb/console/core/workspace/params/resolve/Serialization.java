package org.dbb.console.core.workspace.params.resolve;

/** How a file's text was rewritten as a whole, if it was. Immutable. */
public enum Serialization {
    /** Only the matched text changed; every other byte is as in the repository. */
    NONE,
    /** A {@code key_value_replace} entry re-serialised the file with Python's {@code json.dumps} (one line). */
    JSON,
    /** A {@code key_value_replace} entry re-serialised the file with PyYAML's {@code yaml.dump} (keys sorted). */
    YAML
}
