package org.dbb.console.core.workspace.params.edit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Rules for environment keys that the editor writes into parameter.yml. Stateless and thread-safe. */
public final class EnvironmentNames {

    /** The key that applies one value to every environment; fabric-cicd accepts it in any letter case. */
    public static final String ALL = "_ALL_";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    // PyYAML (YAML 1.1) reads these unquoted as booleans or null; fabric-cicd 1.3.0 then crashes on a non-string
    // key. y/n are not booleans to PyYAML, but other YAML 1.1 tools read them so, and nobody names a stage "y".
    private static final Set<String> YAML_WORDS = Set.of("yes", "no", "on", "off", "true", "false", "y", "n",
            "null", "~");

    private EnvironmentNames() {
    }

    /** Whether {@code key} is the all-environments key, in any letter case. */
    public static boolean isAll(String key) {
        return ALL.equalsIgnoreCase(key);
    }

    /**
     * Why {@code name} cannot be used as a new environment key, or empty when it can. Case clashes with
     * environments already in a file are checked by the editor, which knows the file.
     */
    public static Optional<String> problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the environment name is empty; give a name such as PROD");
        }
        if (YAML_WORDS.contains(name.toLowerCase(Locale.ROOT))
                || !Tag.STR.equals(new Resolver().resolve(NodeId.scalar, name, true))) {
            return Optional.of("the environment name '" + name + "' is read by YAML 1.1 (and so by fabric-cicd) as a "
                    + "boolean, null or number, not as a name; choose another name, e.g. '" + name + "_ENV'");
        }
        if (!SHAPE.matcher(name).matches()) {
            return Optional.of("the environment name '" + name + "' is not allowed; use letters, digits, '_' and '-', "
                    + "starting with a letter or '_'");
        }
        if (isAll(name)) {
            return Optional.of("'" + name + "' is the all-environments key, not an environment name; "
                    + "choose a real environment name");
        }
        return Optional.empty();
    }
}
