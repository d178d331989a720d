package org.dbb.console.core.workspace.params.coverage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the key a GUID is the value of and judges from it (or from the URL segment in front of it) what the GUID
 * identifies. Works on the text of the line before the GUID, so it reads JSON ({@code "workspaceId": "…"}), the
 * {@code # META} JSON of notebooks, TMDL and YAML ({@code lineageTag: …}) and Python assignments alike.
 * Stateless and thread-safe.
 */
final class GuidKindClassifier {

    /** {@code "key": "…} with the GUID inside the same string, or {@code "key": } right before it. */
    private static final Pattern QUOTED_KEY = Pattern.compile("[\"']([^\"'\\n]{1,80})[\"']\\s*[:=]\\s*[\"']?[^\"'\\n]*$");
    /** {@code key: }, {@code key = } or {@code key=} right before the GUID (YAML, TMDL, Python, query strings). */
    private static final Pattern BARE_KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]{0,80})\\s*[:=]\\s*[\"']?$");
    /** TMDL declarations named by a GUID: {@code relationship 3f1c…}. */
    private static final Pattern TMDL_DECLARATION = Pattern.compile("^\\s*(relationship|annotation)\\s+'?$");
    /** A REST-style path segment right before the GUID: {@code /groups/}, {@code /datasets/}… */
    private static final Pattern PATH_SEGMENT = Pattern.compile("/([A-Za-z]+)/$");

    private static final List<String> WORKSPACE_WORDS = List.of("workspace", "groupid");
    private static final List<String> CONNECTION_WORDS = List.of("connection", "gateway", "datasourceid");
    private static final List<String> ITEM_WORDS = List.of("artifact", "item", "notebook", "pipeline", "dataset",
            "report", "lakehouse", "warehouse", "semanticmodel", "model", "environment", "sparkjob", "eventhouse",
            "eventstream", "database", "dashboard", "dataflow", "referencename", "defaultlakehouse", "copyjob",
            "dbtjob", "sqlendpoint", "variablelibrary", "objectid", "targetid", "sourceid");

    private GuidKindClassifier() {
    }

    /** The key the GUID is the value of, judged from the line's text before it. */
    static Optional<String> key(String lineBefore) {
        // The innermost name wins: in "connectionString": "…;semanticmodelid=GUID" the GUID is a model id.
        Matcher bare = BARE_KEY.matcher(lineBefore);
        if (bare.find()) {
            return Optional.of(bare.group(1));
        }
        Matcher quoted = QUOTED_KEY.matcher(lineBefore);
        if (quoted.find()) {
            return Optional.of(quoted.group(1).strip());
        }
        return Optional.empty();
    }

    /** What the GUID most likely identifies. */
    static GuidKind kind(Optional<String> key, String lineBefore, String fileName) {
        if (fileName.endsWith(".tmdl") && TMDL_DECLARATION.matcher(lineBefore).find()) {
            return GuidKind.MODEL_OBJECT_ID;
        }
        if (key.isPresent()) {
            GuidKind byKey = byName(key.get());
            if (byKey != GuidKind.UNKNOWN) {
                return byKey;
            }
        }
        Matcher segment = PATH_SEGMENT.matcher(lineBefore);
        if (segment.find()) {
            String name = segment.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("groups") || name.equals("workspaces")) {
                return GuidKind.WORKSPACE_ID;
            }
            if (name.equals("connections") || name.equals("gateways")) {
                return GuidKind.CONNECTION;
            }
            return byName(name);
        }
        return GuidKind.UNKNOWN;
    }

    private static GuidKind byName(String name) {
        String squashed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (squashed.equals("lineagetag")) {
            return GuidKind.MODEL_OBJECT_ID;
        }
        if (WORKSPACE_WORDS.stream().anyMatch(squashed::contains)) {
            return GuidKind.WORKSPACE_ID;
        }
        if (CONNECTION_WORDS.stream().anyMatch(squashed::contains)) {
            return GuidKind.CONNECTION;
        }
        if (ITEM_WORDS.stream().anyMatch(squashed::contains)) {
            return GuidKind.ITEM_ID;
        }
        return GuidKind.UNKNOWN;
    }
}
