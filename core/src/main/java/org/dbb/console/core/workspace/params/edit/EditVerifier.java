package org.dbb.console.core.workspace.params.edit;

import java.util.Objects;

import org.dbb.console.core.problem.InvalidInputException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The last line of defence: reads the edited text back and requires its data to equal the old data with exactly
 * the planned changes applied, so that a layout the editor misjudged fails loudly instead of saving a damaged
 * file. Stateless and thread-safe.
 */
final class EditVerifier {

    private EditVerifier() {
    }

    /** @throws InvalidInputException when the new text is not YAML or holds other data than intended */
    static void verify(ParameterDocument before, EditPlan plan, String newText) {
        Object expected = YamlData.copy(before.data());
        for (DataChange change : plan.changes()) {
            expected = change.applyTo(expected);
        }
        Object actual;
        try {
            actual = YamlData.of(ParameterDocument.compose(newText));
        } catch (YAMLException | IllegalStateException e) {
            throw refused(before, "the result would not be valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        if (!Objects.equals(expected, actual)) {
            throw refused(before, "the result would hold other data than the requested change");
        }
    }

    private static InvalidInputException refused(ParameterDocument before, String why) {
        return before.problem("the editor cannot make this change safely in this file's layout: " + why
                + ". The file was not changed; make the change by hand (YAML anchors/aliases and several keys "
                + "on one line are the usual causes)");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int lf = message.indexOf('\n');
        return lf < 0 ? message : message.substring(0, lf);
    }
}
