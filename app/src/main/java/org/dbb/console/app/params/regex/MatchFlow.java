package org.dbb.console.app.params.regex;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.dbb.console.core.workspace.params.regex.TrialMatch;

/**
 * One match on its line as styled text: the line around it muted, the match underlined and group 1 (what
 * fabric-cicd replaces) highlighted. Create and use on the FX thread.
 */
final class MatchFlow {

    /** Style class of the group 1 span, for page objects. */
    static final String HIGHLIGHT = "context-highlight";

    private MatchFlow() {
    }

    static TextFlow of(TrialMatch match) {
        String s = match.snippet();
        List<Text> parts = new ArrayList<>();
        add(parts, s.substring(0, match.matchStart()), "context-text");
        if (match.hasGroup() && match.groupStart() >= match.matchStart() && match.groupEnd() <= match.matchEnd()) {
            add(parts, s.substring(match.matchStart(), match.groupStart()), "context-match");
            add(parts, s.substring(match.groupStart(), match.groupEnd()), HIGHLIGHT);
            add(parts, s.substring(match.groupEnd(), match.matchEnd()), "context-match");
        } else {
            add(parts, s.substring(match.matchStart(), match.matchEnd()), "context-match");
        }
        add(parts, s.substring(match.matchEnd()), "context-text");
        return new TextFlow(parts.toArray(Text[]::new));
    }

    private static void add(List<Text> parts, String value, String styleClass) {
        if (value.isEmpty()) {
            return;
        }
        Text text = new Text(value);
        text.getStyleClass().add(styleClass);
        parts.add(text);
    }
}
