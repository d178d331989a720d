package org.dbb.console.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the console version from the jar manifest. Stateless. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = DbbCommand.class.getPackage().getImplementationVersion();
        return new String[] {"dbb " + (v == null ? "development build" : v)};
    }
}
