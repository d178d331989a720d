package org.dbb.console.core.workspace.params;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A valid fabric-cicd {@code parameter.yml}, with its {@code extend} templates merged in. Immutable.
 *
 * @param path                 the main parameter file
 * @param findReplace          {@code find_replace} entries, in order
 * @param keyValueReplace      {@code key_value_replace} entries, in order
 * @param sparkPool            {@code spark_pool} entries, in order
 * @param semanticModelBinding the binding section, when present
 * @param templates            template files that were merged, in order
 */
public record ParameterFile(Path path, List<FindReplaceEntry> findReplace, List<KeyValueReplaceEntry> keyValueReplace,
                            List<SparkPoolEntry> sparkPool, Optional<SemanticModelBinding> semanticModelBinding,
                            List<Path> templates) {

    public ParameterFile {
        findReplace = List.copyOf(findReplace);
        keyValueReplace = List.copyOf(keyValueReplace);
        sparkPool = List.copyOf(sparkPool);
        templates = List.copyOf(templates);
    }
}
