package org.dbb.console.core.workspace.params.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.FabricItemTypes;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;

/**
 * Lists the item files fabric-cicd 1.3.0 runs parameterisation on and reads them as it does. In scope: every file
 * below an item folder of a type in scope, except {@code .platform}, files of a nested item (they belong to that
 * item), binary files, {@code .pbi/} folders of SemanticModel, Report and DataAgent items, {@code .children/} of an
 * Eventhouse, and all files of shell-only types (Lakehouse, Warehouse, SQLDatabase, MLExperiment) — except a
 * Lakehouse's {@code shortcuts.metadata.json} when shortcut publishing is on. Thread-safe.
 */
final class ParameterisedFiles {

    /** fabric-cicd's {@code EXCLUDE_PATH_REGEX_MAPPING}, applied with {@code re.match} to the item-relative path. */
    private static final Map<String, Pattern> EXCLUDED = Map.of(
            "DataAgent", Pattern.compile(".*\\.pbi[/\\\\].*"),
            "Report", Pattern.compile(".*\\.pbi[/\\\\].*"),
            "SemanticModel", Pattern.compile(".*\\.pbi[/\\\\].*"),
            "Eventhouse", Pattern.compile(".*\\.children[/\\\\].*"));

    static final String SHORTCUTS_FILE = "shortcuts.metadata.json";

    private final ResolverOptions options;

    ParameterisedFiles(ResolverOptions options) {
        this.options = options;
    }

    /** The files in scope, item by item in repository order, each item's files in path order. */
    List<ScopedFile> list(ItemScan scan) {
        List<ScopedFile> files = new ArrayList<>();
        for (Item item : scan.items()) {
            if (!FabricItemTypes.isSupported(item.type()) || !options.itemTypesInScope().contains(item.type())) {
                continue;
            }
            boolean shellOnly = FabricItemTypes.SHELL_ONLY.contains(item.type());
            if (shellOnly && !(options.shortcutPublish() && item.is("Lakehouse"))) {
                continue;
            }
            boolean shortcutFound = false;
            for (Path file : filesOf(item.folder())) {
                if (!scan.owning(file).map(item::equals).orElse(false)) {
                    continue;
                }
                String relative = item.folder().relativize(file).toString().replace('\\', '/');
                if (shellOnly) {
                    // fabric-cicd picks the first file of that name anywhere in the Lakehouse folder.
                    if (!shortcutFound && file.getFileName().toString().equals(SHORTCUTS_FILE)) {
                        shortcutFound = true;
                        files.add(new ScopedFile(item, file, relative, true));
                    }
                    continue;
                }
                if (file.toString().endsWith(".platform")) {
                    continue;
                }
                Pattern excluded = EXCLUDED.get(item.type());
                if (excluded != null && excluded.matcher(relative).lookingAt()) {
                    continue;
                }
                files.add(new ScopedFile(item, file, relative, false));
            }
        }
        return files;
    }

    /**
     * The text fabric-cicd works on: empty for binary files, a problem for text that is not UTF-8. Python's text
     * mode turns {@code \r\n} and {@code \r} into {@code \n}; a byte-order mark stays as U+FEFF.
     */
    static Read read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Read.failed(Problem.warning(file, 0, 0, "cannot read the file (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); it is left out of the preview"));
        }
        byte[] head = bytes.length <= BinaryFileSniffer.HEAD ? bytes
                : Arrays.copyOf(bytes, BinaryFileSniffer.HEAD);
        if (BinaryFileSniffer.isBinary(head)) {
            return Read.binary();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Read.failed(Problem.warning(file, 0, 0, "the file is neither UTF-8 text nor a binary type"
                    + " fabric-cicd recognises; fabric-cicd 1.3.0 cannot read it as text, so it is left out of the"
                    + " preview"));
        }
        return Read.text(text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static List<Path> filesOf(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + folder, e);
        }
    }

    /**
     * The outcome of reading one file. Immutable.
     *
     * @param text    the text, when the file is text
     * @param problem why it could not be read, when it could not
     */
    record Read(Optional<String> text, Optional<Problem> problem) {

        static Read text(String text) {
            return new Read(Optional.of(text), Optional.empty());
        }

        static Read binary() {
            return new Read(Optional.empty(), Optional.empty());
        }

        static Read failed(Problem problem) {
            return new Read(Optional.empty(), Optional.of(problem));
        }
    }
}
