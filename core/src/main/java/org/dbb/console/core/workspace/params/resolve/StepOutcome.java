package org.dbb.console.core.workspace.params.resolve;

import java.util.Optional;

/**
 * What one entry did to one file's text. Immutable.
 *
 * @param text          the text after the entry
 * @param serialization whether the entry re-serialised the file
 * @param applied       the record of what the entry did, when it touched the file
 */
record StepOutcome(String text, Serialization serialization, Optional<AppliedReplacement> applied) {

    static StepOutcome unchanged(String text) {
        return new StepOutcome(text, Serialization.NONE, Optional.empty());
    }
}
