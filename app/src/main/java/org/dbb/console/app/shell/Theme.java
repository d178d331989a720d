package org.dbb.console.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The console's colour themes; every style uses theme tokens, so switching needs no other change. Immutable. */
public enum Theme {
    LIGHT,
    DARK;

    /** The AtlantaFX user-agent stylesheet of this theme. */
    public String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
