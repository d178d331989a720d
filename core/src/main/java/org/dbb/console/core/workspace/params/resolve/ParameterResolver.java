package org.dbb.console.core.workspace.params.resolve;

import java.util.ArrayList;
import java.util.List;

import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.KeyValueReplaceEntry;
import org.dbb.console.core.workspace.params.ParameterFile;
import org.dbb.console.core.workspace.params.SourcePosition;

/**
 * Applies a {@code parameter.yml} to a repository's item files for one environment with fabric-cicd 1.3.0's
 * semantics and returns the result in memory — like fabric-cicd it never writes item files. Per file, in publish
 * order: (optionally) logicalIds, then every {@code key_value_replace} entry in file order, then every
 * {@code find_replace} entry in file order, each seeing the previous output, then (optionally) all-zero workspace
 * ids; Variable Library files get the parameter steps only, a Lakehouse {@code shortcuts.metadata.json} gets
 * parameters before identifiers. {@code spark_pool} and {@code semantic_model_binding} are not text replacements
 * and are not covered. Thread-safe: every call works on its own state.
 */
public final class ParameterResolver {

    private final PythonJsonReader jsonReader = new PythonJsonReader();
    private final PythonYaml yaml = new PythonYaml();

    /**
     * Resolves {@code parameters} for {@code environment} over the items of {@code scan}.
     *
     * @param parameters  the validated parameter file (templates merged)
     * @param scan        the repository's items; its root is fabric-cicd's {@code repository_directory}
     * @param environment the target environment, compared case-sensitively with the {@code replace_value} keys
     * @param context     what is known about the target workspace, for variables
     * @param options     how to run
     */
    public ResolutionResult apply(ParameterFile parameters, ItemScan scan, String environment,
                                  ReplacementContext context, ResolverOptions options) {
        ProblemSink sink = new ProblemSink(parameters.path());
        VariableResolver variables = new VariableResolver(context, options.unresolvedPolicy());
        FilePathFilter pathFilter = new FilePathFilter(scan.root());

        List<KeyValueStep> keyValues = new ArrayList<>();
        int kvCount = parameters.keyValueReplace().size();
        for (KeyValueReplaceEntry entry : parameters.keyValueReplace()) {
            EntryFilters filters = EntryFilters.compile(entry.filters(), pathFilter);
            KeyValueStep step = new KeyValueStep(entry, environment, filters, variables, jsonReader, yaml, sink);
            String fabricLabel = EntryLabels.fabric("key_value_replace", entry.number(), kvCount);
            if (report(sink, entry.position(), filters, scan, options, step.environmentPresent(), environment,
                    "find value", entry.findKey(), fabricLabel)) {
                step.alreadyReported();
            }
            keyValues.add(step);
        }
        List<FindReplaceStep> findReplaces = new ArrayList<>();
        int frCount = parameters.findReplace().size();
        for (FindReplaceEntry entry : parameters.findReplace()) {
            EntryFilters filters = EntryFilters.compile(entry.filters(), pathFilter);
            FindReplaceStep step = new FindReplaceStep(entry, environment, filters, variables, sink);
            String fabricLabel = EntryLabels.fabric("find_replace", entry.number(), frCount);
            if (report(sink, entry.position(), filters, scan, options, step.environmentPresent(), environment,
                    entry.regex() ? "find value regex" : "find value", entry.findValue(), fabricLabel)) {
                step.alreadyReported();
            }
            findReplaces.add(step);
        }

        IdentifierReplacer identifiers = new IdentifierReplacer(scan, context, options.unresolvedPolicy(), sink);
        List<FileChange> changes = new ArrayList<>();
        for (ScopedFile file : new ParameterisedFiles(options).list(scan)) {
            ParameterisedFiles.Read read = ParameterisedFiles.read(file.file());
            read.problem().ifPresent(sink::add);
            if (read.text().isEmpty()) {
                continue;
            }
            String before = read.text().get();
            String relative = scan.root().relativize(file.file()).toString().replace('\\', '/');
            List<AppliedReplacement> applied = new ArrayList<>();
            Serialization serialization = Serialization.NONE;
            boolean withIdentifiers = options.replaceIdentifiers() && !file.item().is("VariableLibrary");

            String text = before;
            if (withIdentifiers && !file.shortcuts()) {
                text = identifiers.logicalIds(text, applied);
            }
            for (KeyValueStep step : keyValues) {
                StepOutcome outcome = step.apply(file, text);
                text = outcome.text();
                if (outcome.serialization() != Serialization.NONE) {
                    serialization = outcome.serialization();
                }
                outcome.applied().ifPresent(applied::add);
            }
            for (FindReplaceStep step : findReplaces) {
                StepOutcome outcome = step.apply(file, text, relative);
                text = outcome.text();
                outcome.applied().ifPresent(applied::add);
            }
            if (withIdentifiers) {
                if (file.shortcuts()) {
                    text = identifiers.logicalIds(text, applied);
                }
                text = identifiers.workspaceIds(text, applied, scan.root());
            }
            if (!text.equals(before)) {
                changes.add(new FileChange(file.file(), before, text, applied, serialization));
            }
        }
        keyValues.forEach(KeyValueStep::summarise);
        findReplaces.forEach(FindReplaceStep::summarise);
        return new ResolutionResult(scan.root(), environment, changes, sink.list());
    }

    /**
     * What fabric-cicd's validation logs for one entry: a missing target environment (then nothing else), or
     * filter values that find nothing. Returns whether the entry was reported as replacing nothing.
     */
    private static boolean report(ProblemSink sink, SourcePosition position,
                               EntryFilters filters, ItemScan scan, ResolverOptions options,
                               boolean environmentPresent, String environment, String valueType, String findValue,
                               String fabricLabel) {
        EntryFilters.Check check = filters.check(scan, options.itemTypesInScope());
        check.notes().forEach(n -> sink.atEntry(position, n.severity(), n.message() + " (" + fabricLabel + ")"));
        if (!environmentPresent) {
            sink.atEntry(position, Severity.WARNING, EntryLabels.skipped(valueType, findValue,
                    "target environment '" + environment + "' not found", fabricLabel));
            return true;
        }
        if (check.unmatched()) {
            sink.atEntry(position, Severity.WARNING, EntryLabels.skipped(valueType, findValue,
                    "unmatched optional filters", fabricLabel));
        }
        return check.unmatched();
    }
}
