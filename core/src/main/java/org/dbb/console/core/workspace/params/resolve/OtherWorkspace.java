package org.dbb.console.core.workspace.params.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workspace other than the deployment target that {@code $workspace.<Name>} variables may name. Immutable.
 *
 * @param name  the display name (compared exactly, case-sensitive)
 * @param id    the workspace id
 * @param items the items known in it, for {@code $workspace.<Name>.$items.<Type>.<Item>.$<attr>}
 */
public record OtherWorkspace(String name, String id, List<DeployedItem> items) {

    public OtherWorkspace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
    }

    /** The item of that type and display name. */
    public Optional<DeployedItem> item(String type, String displayName) {
        return items.stream().filter(i -> i.is(type, displayName)).findFirst();
    }
}
