package org.dbb.console.core.workspace.params;

import java.util.List;
import java.util.Optional;

/**
 * The {@code semantic_model_binding} section: a default connection for every model plus per-model bindings. The
 * deprecated list form (and {@code gateway_binding}) is read into the same shape with {@code legacy} set.
 * Immutable.
 *
 * @param defaultConnection environment to connection GUIDs for models not listed in {@code models}
 * @param models            per-model bindings, in file order (for a duplicated name the last one wins)
 * @param legacy            whether the file used the deprecated list form
 */
public record SemanticModelBinding(Optional<EnvironmentValues<List<String>>> defaultConnection,
                                   List<ModelBinding> models, boolean legacy) {

    public SemanticModelBinding {
        models = List.copyOf(models);
    }
}
