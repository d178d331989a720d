package org.dbb.console.core.plan;

import java.nio.file.Path;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.json.JsonDocument;
import org.dbb.console.core.workspace.json.TextPosition;
import org.dbb.console.core.workspace.pipeline.Pipeline;

/**
 * A pipeline as fabric-cicd would deploy it for one environment, with the file on disk kept for positions:
 * {@code key_value_replace} rewrites a whole JSON file on one line, so only the original text says where a value
 * sits for the person who has to fix it. Immutable.
 *
 * @param pipeline the pipeline read from the parameterised text
 * @param onDisk   the file as the repository holds it
 */
record DeployedPipeline(Pipeline pipeline, JsonDocument onDisk) {

    Path file() {
        return onDisk.file();
    }

    /** An error about the value at {@code path}, positioned where the repository file has it. */
    Problem problemAt(ConcretePath path, String message) {
        return onDisk.problemAt(path, message);
    }

    /** The same problem positioned in the repository file, when it points into this pipeline's JSON. */
    Problem onDiskPosition(Problem problem) {
        return onDiskPosition(onDisk, problem);
    }

    static Problem onDiskPosition(JsonDocument onDisk, Problem problem) {
        if (!problem.file().equals(onDisk.file()) || problem.jsonPath().isEmpty()) {
            return problem;
        }
        TextPosition at = onDisk.positionOf(ConcretePath.parse(problem.jsonPath().get()));
        return new Problem(problem.file(), at.line(), at.column(), problem.severity(), problem.message(),
                problem.jsonPath());
    }
}
