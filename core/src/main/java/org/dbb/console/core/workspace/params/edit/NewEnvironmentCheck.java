package org.dbb.console.core.workspace.params.edit;

/** Checks a name about to become a new environment key in a given file. Stateless and thread-safe. */
final class NewEnvironmentCheck {

    private NewEnvironmentCheck() {
    }

    /**
     * Requires a valid name that does not differ only by letter case from an environment the file already uses
     * (fabric-cicd treats {@code PROD} and {@code prod} as duplicate keys).
     *
     * @param renamed an environment being renamed, whose own case variants are allowed; may be null
     */
    static void require(ParameterDocument doc, String name, String renamed) {
        EnvironmentNames.problemWith(name).ifPresent(message -> {
            throw doc.problem(message);
        });
        for (String existing : doc.environmentNames()) {
            if (!existing.equals(name) && existing.equalsIgnoreCase(name) && !existing.equals(renamed)) {
                throw doc.problem("the environment name '" + name + "' differs only by letter case from '" + existing
                        + "', which the file already uses; fabric-cicd treats them as duplicates, so use '"
                        + existing + "'");
            }
        }
    }

    static void require(ParameterDocument doc, String name) {
        require(doc, name, null);
    }
}
