package org.dbb.console.core.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Azure DevOps variable group of one environment. Immutable.
 *
 * @param id           the group id
 * @param organization the organization it is served under
 * @param project      the project name it is served under
 * @param projectId    the project id
 * @param name         the group name
 * @param environment  the environment it belongs to
 * @param variables    variables in order
 */
record VariableGroupState(int id, String organization, String project, UUID projectId, String name,
                          String environment, Map<String, Variable> variables) {

    VariableGroupState {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    boolean servedAt(String org, String proj) {
        return organization.equalsIgnoreCase(org)
                && (project.equalsIgnoreCase(proj) || projectId.toString().equalsIgnoreCase(proj));
    }

    /**
     * One variable. Secret values are never answered (Azure DevOps returns {@code null}).
     *
     * @param value       the value, when not secret
     * @param secret      whether it is a secret
     * @param webhookSink when set, the value is this emulator's webhook sink URL with that name
     */
    record Variable(Optional<String> value, boolean secret, Optional<String> webhookSink) {
    }
}
