package org.dbb.console.app.params;

import java.util.Objects;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.workspace.params.ParameterFileValidator;
import org.dbb.console.core.workspace.params.edit.HandEditDraft;
import org.dbb.console.core.workspace.params.edit.ParameterFileEditor;
import org.dbb.console.core.workspace.params.edit.ParameterMatrixReader;
import org.dbb.console.core.workspace.params.resolve.ParameterPreview;
import org.dbb.console.core.workspace.params.resolve.ParameterResolver;

/**
 * The core services the parameter page works with, the same ones {@code dbb params check|preview|set} use.
 * Immutable; every service is thread-safe.
 *
 * @param validator the fabric-cicd 1.3.0 validator
 * @param editor    the byte-preserving editor
 * @param reader    reads the file as entries × environments
 * @param drafts    hand-edited drafts that explain refused edits in the validator's words
 * @param resolver  applies the file to item files for one environment
 * @param preview   renders the resolver's result as diffs
 * @param writer    writes the file atomically, keeping {@code .bak}
 */
public record ParameterEditing(ParameterFileValidator validator, ParameterFileEditor editor,
                               ParameterMatrixReader reader, HandEditDraft drafts, ParameterResolver resolver,
                               ParameterPreview preview, AtomicFileWriter writer) {

    public ParameterEditing {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(writer, "writer");
    }

    /** The composition root's services. */
    public static ParameterEditing from(ConsoleServices services) {
        return new ParameterEditing(services.parameterValidator(), services.parameterFileEditor(),
                new ParameterMatrixReader(), new HandEditDraft(), services.parameterResolver(),
                services.parameterPreview(), services.writer());
    }

    /** Fresh core services, for tests and tools without a composition root. */
    public static ParameterEditing standalone() {
        AtomicFileWriter writer = new AtomicFileWriter();
        return new ParameterEditing(new ParameterFileValidator(), new ParameterFileEditor(writer),
                new ParameterMatrixReader(), new HandEditDraft(), new ParameterResolver(), new ParameterPreview(),
                writer);
    }
}
