package org.dbb.console.core.launch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a connection test of one environment found: where it connected, who is signed in, the workspace it resolved
 * and how many items it holds, and the repository's items the workspace lacks. Holds no secret value: of the
 * variable group only the names are kept. Immutable and thread-safe.
 *
 * @param environment    the environment tested
 * @param endpoint       where the clients pointed, e.g. {@code Microsoft Fabric}
 * @param account        who is signed in, when the environment signs in and said
 * @param workspaceName  the workspace's display name
 * @param workspaceId    the workspace's id
 * @param itemCount      how many items the workspace holds
 * @param missing        the repository's items (as {@code Type 'name'}) with no item of that type and name there
 * @param groupVariables the names of the variable group's variables, when the environment has a group
 */
public record ConnectionReport(String environment, String endpoint, Optional<String> account, String workspaceName,
                               String workspaceId, int itemCount, List<String> missing,
                               Optional<Set<String>> groupVariables) {

    public ConnectionReport {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(workspaceName, "workspaceName");
        Objects.requireNonNull(workspaceId, "workspaceId");
        missing = List.copyOf(missing);
        groupVariables = groupVariables.map(Set::copyOf);
    }
}
