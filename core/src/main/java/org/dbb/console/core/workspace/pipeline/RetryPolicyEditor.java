package org.dbb.console.core.workspace.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.json.JsonDocument;
import org.dbb.console.core.workspace.json.JsonTextEditor;
import org.dbb.console.core.workspace.json.Placement;

/**
 * Sets {@code retry}, {@code retryIntervalInSeconds} and {@code timeout} of one activity (at any depth, found by
 * name) in a pipeline file, within Fabric's limits, changing only those values' characters. Values equal to the
 * current ones are left untouched; a missing member or a whole missing {@code policy} is added in the file's own
 * layout. Nothing is written when any value is invalid. Stateless and thread-safe; concurrent edits of one file
 * must be serialised by the caller.
 */
public final class RetryPolicyEditor {

    // Fabric writes policy members in this order (timeout, retry, interval, then the secure flags) and puts
    // the policy before userProperties/typeProperties; following it keeps diffs looking like Fabric's own.
    private static final Placement IN_POLICY = Placement.beforeFirstOf("secureOutput", "secureInput");
    private static final Placement IN_ACTIVITY = Placement.beforeFirstOf("userProperties", "typeProperties");
    private static final int NAMES_SHOWN = 20;

    private final PipelineReader reader;
    private final AtomicFileWriter writer;

    public RetryPolicyEditor(PipelineReader reader, AtomicFileWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** Computes the change to a {@code pipeline-content.json} without writing. */
    public RetryPolicyEdit preview(Path file, String activityName, RetryPolicyUpdate update) {
        return preview(file, ConcretePath.root(), activityName, update);
    }

    /**
     * Computes the change without writing, for a pipeline object at {@code pipelineRoot} of the file.
     *
     * @throws InvalidInputException when the file is not a readable pipeline, the activity is missing or
     *                               ambiguous, or a value is outside Fabric's limits (one problem per value)
     */
    public RetryPolicyEdit preview(Path file, ConcretePath pipelineRoot, String activityName,
                                   RetryPolicyUpdate update) {
        return edit(TextFile.read(file), pipelineRoot, activityName, update);
    }

    /**
     * Computes the change to a pipeline file's text already in memory, e.g. the result of an earlier edit of the
     * same file, so several activities of one file can be changed in one write.
     *
     * @throws InvalidInputException as {@link #preview(Path, ConcretePath, String, RetryPolicyUpdate)}
     */
    public RetryPolicyEdit preview(TextFile source, String activityName, RetryPolicyUpdate update) {
        return edit(source, ConcretePath.root(), activityName, update);
    }

    /** Changes a {@code pipeline-content.json} and writes it, keeping the previous version as a backup. */
    public RetryPolicyEdit apply(Path file, String activityName, RetryPolicyUpdate update) {
        return apply(file, ConcretePath.root(), activityName, update);
    }

    /**
     * Changes the activity's policy and writes the file atomically (byte-order mark and line endings kept, the
     * previous version kept as {@code .bak}); writes nothing when nothing changes.
     *
     * @throws InvalidInputException as {@link #preview}, or when the file is read-only; the file is then unchanged
     */
    public RetryPolicyEdit apply(Path file, ConcretePath pipelineRoot, String activityName,
                                 RetryPolicyUpdate update) {
        TextFile source = TextFile.read(file);
        RetryPolicyEdit edit = edit(source, pipelineRoot, activityName, update);
        if (edit.changed()) {
            refuseReadOnly(file);
            writer.write(file, source.withText(edit.editedText()).toBytes());
        }
        return edit;
    }

    private RetryPolicyEdit edit(TextFile source, ConcretePath root, String activityName, RetryPolicyUpdate update) {
        JsonDocument document = JsonDocument.parse(source);
        Pipeline pipeline = reader.read(document, pipelineName(source.path()), root);
        Activity activity = single(pipeline, document, activityName);
        ConcretePath policyPath = activity.jsonPath().member("policy");

        List<Problem> problems = new ArrayList<>();
        Optional<Duration> timeout = check(update.timeout(), RetryPolicyLimits::timeout, activity,
                policyPath.member("timeout"), document, problems);
        Optional<Integer> retry = check(update.retry(), RetryPolicyLimits::retry, activity,
                policyPath.member("retry"), document, problems);
        Optional<Integer> interval = check(update.retryIntervalInSeconds(), RetryPolicyLimits::retryIntervalInSeconds,
                activity, policyPath.member("retryIntervalInSeconds"), document, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        ActivityPolicy current = activity.effectivePolicy();
        JsonTextEditor editor = new JsonTextEditor(document);
        List<ConcretePath> changed = new ArrayList<>();
        if (timeout.isPresent() && !timeout.equals(current.timeout())) {
            editor = set(editor, policyPath, "timeout", "\"" + Timeouts.format(timeout.get()) + "\"", changed);
        }
        if (retry.isPresent() && !retry.equals(current.retry())) {
            editor = set(editor, policyPath, "retry", retry.get().toString(), changed);
        }
        if (interval.isPresent() && !interval.equals(current.retryIntervalInSeconds())) {
            editor = set(editor, policyPath, "retryIntervalInSeconds", interval.get().toString(), changed);
        }
        return new RetryPolicyEdit(source.path(), activity.name(), activity.jsonPath(), document.text(),
                editor.text(), changed);
    }

    private static JsonTextEditor set(JsonTextEditor editor, ConcretePath policyPath, String member, String json,
                                      List<ConcretePath> changed) {
        ConcretePath path = policyPath.member(member);
        changed.add(path);
        Placement placement = editor.document().contains(policyPath) ? IN_POLICY : IN_ACTIVITY;
        return editor.set(path, json, placement);
    }

    private static <T> Optional<T> check(Optional<String> text, Function<String, T> limit, Activity activity,
                                         ConcretePath path, JsonDocument document, List<Problem> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(limit.apply(text.get()));
        } catch (IllegalArgumentException e) {
            problems.add(document.problemAt(path, "activity \"" + activity.name() + "\": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Activity single(Pipeline pipeline, JsonDocument document, String name) {
        List<Activity> found = pipeline.findByName(name);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            List<String> names = pipeline.allActivities().stream().map(n -> n.activity().name()).toList();
            String shown = names.stream().limit(NAMES_SHOWN).map(n -> "\"" + n + "\"")
                    .collect(Collectors.joining(", ")) + (names.size() > NAMES_SHOWN ? ", …" : "");
            throw new InvalidInputException(document.problemAt(pipeline.root(), "no activity is named \"" + name
                    + "\" in this pipeline; pick one of " + (names.isEmpty() ? "(none: it has no activities)" : shown)));
        }
        String paths = found.stream().map(a -> a.jsonPath().toString()).collect(Collectors.joining(", "));
        throw new InvalidInputException(document.problemAt(found.get(0).jsonPath(), found.size()
                + " activities are named \"" + name + "\" (at " + paths + "), so the one to change is ambiguous;"
                + " Fabric requires unique activity names, so rename all but one of them first"));
    }

    private static void refuseReadOnly(Path file) {
        boolean readOnly = !Files.isWritable(file);
        if (!readOnly) {
            try {
                // An administrator account may write a file whose permission bits say read-only; the operator who
                // set those bits still meant "do not change this file", so honour them.
                readOnly = !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
            } catch (UnsupportedOperationException | IOException e) {
                readOnly = false;
            }
        }
        if (readOnly) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "the file is read-only, so the retry policy"
                    + " was not changed; make the file writable and try again"));
        }
    }

    private static String pipelineName(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String name = folder == null ? file.getFileName().toString() : folder.getFileName().toString();
        return name.endsWith(".DataPipeline") ? name.substring(0, name.length() - ".DataPipeline".length()) : name;
    }
}
