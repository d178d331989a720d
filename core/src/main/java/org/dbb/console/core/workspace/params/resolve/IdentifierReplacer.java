package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;

/**
 * fabric-cicd's steps around parameterisation, opt-in: {@code _replace_logical_ids} (every logicalId of a
 * repository item found in the text becomes its deployed id; the all-zero id is skipped) and
 * {@code _replace_workspace_ids} (an all-zero value of {@code "workspaceId"}, {@code "workspace"} or
 * {@code default_lakehouse_workspace_id} becomes the target workspace id). Confined to one resolver run.
 */
final class IdentifierReplacer {

    /** fabric-cicd's {@code WORKSPACE_ID_REFERENCE_REGEX}. */
    private static final Pattern WORKSPACE_REFERENCE = Pattern.compile(
            "\"?(default_lakehouse_workspace_id|workspaceId|workspace)\"?\\s*[:=]\\s*\"(.*?)\"",
            Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);

    private final ItemScan scan;
    private final ReplacementContext context;
    private final UnresolvedPolicy policy;
    private final ProblemSink sink;

    IdentifierReplacer(ItemScan scan, ReplacementContext context, UnresolvedPolicy policy, ProblemSink sink) {
        this.scan = scan;
        this.context = context;
        this.policy = policy;
        this.sink = sink;
    }

    String logicalIds(String text, List<AppliedReplacement> applied) {
        String out = text;
        for (Item item : scan.items()) {
            String logicalId = item.logicalId();
            if (logicalId.equals(Item.ZERO_GUID) || !out.contains(logicalId)) {
                continue;
            }
            Optional<String> deployed = context.deployedIdForLogicalId(logicalId)
                    .or(() -> context.deployedItem(item.type(), item.displayName()).map(DeployedItem::id));
            if (deployed.isEmpty()) {
                if (policy == UnresolvedPolicy.FAIL) {
                    sink.atFile(item.platformFile(), Severity.ERROR, "Cannot replace logical ID '" + logicalId
                            + "' as referenced item is not yet deployed. (" + item.label() + ")");
                } else {
                    sink.atFile(item.platformFile(), Severity.WARNING, "logicalId '" + logicalId + "' of "
                            + item.label() + " has no deployed id in the context; it is left as is");
                }
                continue;
            }
            int count = occurrences(out, logicalId);
            out = out.replace(logicalId, deployed.get());
            applied.add(new AppliedReplacement(ReplacementStep.LOGICAL_IDS, 0, logicalId, deployed.get(), count,
                    Optional.empty(), false, List.of()));
        }
        return out;
    }

    String workspaceIds(String text, List<AppliedReplacement> applied, Path root) {
        Matcher m = WORKSPACE_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int count = 0;
        while (m.find()) {
            if (!m.group(2).equals(Item.ZERO_GUID)) {
                continue;
            }
            if (context.workspaceId().isEmpty()) {
                sink.atFile(root, policy == UnresolvedPolicy.FAIL ? Severity.ERROR : Severity.WARNING,
                        "all-zero workspace ids cannot be replaced: the target workspace id is not known");
                return text;
            }
            out.append(text, last, m.start()).append(m.group().replace(Item.ZERO_GUID, context.workspaceId().get()));
            last = m.end();
            count++;
        }
        if (count == 0) {
            return text;
        }
        out.append(text, last, text.length());
        applied.add(new AppliedReplacement(ReplacementStep.WORKSPACE_IDS, 0, Item.ZERO_GUID,
                context.workspaceId().get(), count, Optional.empty(), false, List.of()));
        return out.toString();
    }

    private static int occurrences(String text, String find) {
        int count = 0;
        int at = text.indexOf(find);
        while (at >= 0) {
            count++;
            at = text.indexOf(find, at + find.length());
        }
        return count;
    }
}
