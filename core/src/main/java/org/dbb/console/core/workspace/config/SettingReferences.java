package org.dbb.console.core.workspace.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.files.yaml.PositionedYaml;

/**
 * Finds every well-formed {@code $ENV:NAME} reference an environment uses in {@code dbb-console.yml}, with line
 * and column, by reading the file again: the settings records keep values, not positions. Malformed references
 * are the reader's errors and are left out here. Stateless and thread-safe; blocking file I/O.
 */
public final class SettingReferences {

    /** Settings whose values are secrets wherever they appear. */
    private static final Set<String> SECRET_KEYS = Set.of("clientsecret", "webhook");

    /**
     * The references {@code environment} uses, in file order: those under {@code environments.<environment>}, then
     * those of the top-level {@code notifications} when the environment has none of its own. Empty when the
     * settings come from defaults or the file cannot be parsed.
     */
    public List<EnvReference> of(ConsoleSettings settings, String environment) {
        Optional<EnvironmentSettings> env = settings.environment(environment);
        if (settings.file().isEmpty() || env.isEmpty() || !Files.isRegularFile(settings.file().get())) {
            return List.of();
        }
        Path file = settings.file().get();
        PositionedYaml yaml = new PositionedYaml(file, PositionedYaml.KeyMatch.IGNORE_CASE);
        Optional<Node> root = yaml.compose(TextFile.read(file).text());
        if (root.isEmpty() || !(root.get() instanceof MappingNode top)) {
            return List.of();
        }
        List<EnvReference> found = new ArrayList<>();
        Walk walk = new Walk(environment, file, found);
        entry(top, "environments").flatMap(envs -> entry(envs, environment))
                .ifPresent(node -> walk.node(node, "environments." + environment, false));
        if (env.get().notifications().isEmpty()) {
            entry(top, "notifications").ifPresent(node -> walk.node(node, "notifications", false));
        }
        return List.copyOf(found);
    }

    private static Optional<Node> entry(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        // The reader matches keys and environment names ignoring case, so the scan must too.
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equalsIgnoreCase(key))
                .map(NodeTuple::getValueNode)
                .findFirst();
    }

    /** Collects references below one node. Not thread-safe; one per scan. */
    private record Walk(String environment, Path file, List<EnvReference> found) {

        void node(Node node, String path, boolean secret) {
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        boolean secretKey = SECRET_KEYS.contains(key.getValue().toLowerCase(Locale.ROOT));
                        node(tuple.getValueNode(), path + "." + key.getValue(), secret || secretKey);
                    }
                }
            } else if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    node(items.get(i), path + "[" + i + "]", secret);
                }
            } else if (node instanceof ScalarNode scalar && PositionedYaml.isText(scalar)) {
                SettingValue value = new SettingValue(scalar.getValue(), secret);
                value.environmentReference().ifPresent(name -> found.add(new EnvReference(environment, path, name,
                        secret, file, PositionedYaml.line(scalar), PositionedYaml.column(scalar))));
            }
        }
    }
}
