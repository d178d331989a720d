package org.dbb.console.core.workspace.config;

/**
 * An Azure DevOps variable group that holds an environment's variables. Immutable.
 *
 * @param organization the Azure DevOps organization
 * @param project      the project name or id
 * @param groupId      the variable group id
 */
public record VariableGroupRef(String organization, String project, int groupId) {
}
