package org.dbb.console.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * Finds the items of a workspace repository the way fabric-cicd does: every folder holding a {@code .platform},
 * at any depth. Thread-safe.
 */
public final class ItemDiscovery {

    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final JsonDocuments json;

    public ItemDiscovery(JsonDocuments json) {
        this.json = json;
    }

    /** Scans {@code root} and every folder below it. */
    public ItemScan scan(Path root) {
        Path absRoot = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absRoot)) {
            throw new InvalidInputException(Problem.error(absRoot, 0, 0,
                    "the repository directory does not exist; pass the folder that holds the item folders"));
        }
        List<Item> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Path> seenLogicalIds = new HashMap<>();
        for (Path platform : platformFiles(absRoot)) {
            readItem(platform).ifPresentOrElse(found -> {
                if (found.problem != null) {
                    problems.add(found.problem);
                }
                if (found.item == null) {
                    return;
                }
                Item item = found.item;
                if (!item.logicalId().equals(Item.ZERO_GUID)) {
                    Path first = seenLogicalIds.putIfAbsent(item.logicalId().toLowerCase(java.util.Locale.ROOT),
                            platform);
                    if (first != null) {
                        problems.add(Problem.errorAt(platform, 0, 0, "$.config.logicalId",
                                "duplicate logicalId '" + item.logicalId() + "' (also used by " + first
                                        + "); give one of the items a new GUID"));
                        return;
                    }
                }
                items.add(item);
            }, () -> { });
        }
        problems.addAll(foldersWithoutPlatform(absRoot));
        return new ItemScan(absRoot, items, problems);
    }

    /**
     * A folder named like an item ({@code Name.Notebook}) without a {@code .platform} is not an item to
     * fabric-cicd (it becomes a plain workspace folder), which is almost always a file lost on export.
     */
    private static List<Problem> foldersWithoutPlatform(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory)
                    .filter(dir -> !dir.equals(root))
                    .filter(dir -> {
                        String name = dir.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        return dot > 0 && FabricItemTypes.isSupported(name.substring(dot + 1));
                    })
                    .filter(dir -> !Files.exists(dir.resolve(".platform")))
                    .sorted()
                    .map(dir -> Problem.warning(dir, 0, 0, "folder '" + dir.getFileName() + "' is named like a "
                            + dir.getFileName().toString().substring(dir.getFileName().toString().lastIndexOf('.') + 1)
                            + " item but has no .platform, so it is not an item (fabric-cicd publishes it as a plain"
                            + " folder); restore its .platform from Fabric or rename the folder"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
    }

    private static List<Path> platformFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(".platform"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
    }

    private Optional<Found> readItem(Path platform) {
        JsonNode node;
        try {
            node = json.read(platform);
        } catch (InvalidInputException e) {
            return Optional.of(new Found(null, e.problems().get(0)));
        }
        String type = text(node.path("metadata").path("type"));
        String name = text(node.path("metadata").path("displayName"));
        if (type.isEmpty() || name.isEmpty()) {
            return Optional.of(new Found(null, Problem.errorAt(platform, 0, 0, "$.metadata",
                    "displayName & type are required in " + platform + "; add metadata.type and metadata.displayName")));
        }
        String logicalId = text(node.path("config").path("logicalId"));
        if (logicalId.isEmpty()) {
            return Optional.of(new Found(null, Problem.errorAt(platform, 0, 0, "$.config.logicalId",
                    "logicalId cannot be empty in " + platform + "; set config.logicalId to a new GUID")));
        }
        Problem warning = null;
        if (!GUID.matcher(logicalId).matches()) {
            warning = Problem.errorAt(platform, 0, 0, "$.config.logicalId",
                    "logicalId '" + logicalId + "' is not a GUID; set config.logicalId to a new GUID");
            return Optional.of(new Found(null, warning));
        }
        if (!FabricItemTypes.isSupported(type)) {
            String hint = FabricItemTypes.closestSpelling(type).map(t -> " (did you mean '" + t + "'?)").orElse("");
            warning = new Problem(platform, 0, 0, org.dbb.console.core.problem.Severity.WARNING,
                    "item type '" + type + "' is not one fabric-cicd 1.3.0 publishes" + hint,
                    Optional.of("$.metadata.type"));
        }
        Optional<String> description = node.path("metadata").hasNonNull("description")
                ? Optional.of(node.path("metadata").path("description").asText())
                : Optional.empty();
        Item item = new Item(platform.getParent(), type, name, logicalId, description);
        return Optional.of(new Found(item, warning));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText().trim() : "";
    }

    private record Found(Item item, Problem problem) {
    }
}
