package org.dbb.console.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.workspace.config.RefreshSettings;
import org.dbb.console.core.workspace.pipeline.ForEachDetails;
import org.dbb.console.core.workspace.pipeline.NestedActivity;
import org.dbb.console.core.workspace.pipeline.Pipeline;

/**
 * The refresh concurrency cap a run gets when the operator sets none, and where it comes from. Immutable.
 *
 * @param cap    at most this many semantic model refreshes at once
 * @param source where the number was read, for operators ({@code refresh_concurrency for sandbox})
 * @param kind   where the number was read, for code
 */
record RefreshCap(int cap, String source, CapSource kind) {

    /**
     * The master pipeline's {@code refresh_concurrency} parameter for this environment (the DBB convention: Fabric
     * cannot read a ForEach's batchCount from a parameter, so the parameter caps the runs the console conducts),
     * else dbb-console.yml's, else the refresh pipeline's own ForEach, else one at a time.
     *
     * @param parameters the master pipeline's parameter values for the run
     */
    static RefreshCap byDefault(Map<String, JsonNode> parameters, String environment, RefreshSettings settings,
                                Optional<Pipeline> refresh) {
        JsonNode fromParameter = parameters.get(LaunchParameters.REFRESH_CONCURRENCY);
        if (fromParameter != null && fromParameter.canConvertToInt() && fromParameter.asInt() >= 1) {
            return new RefreshCap(fromParameter.asInt(), LaunchParameters.REFRESH_CONCURRENCY + " for "
                    + environment, CapSource.MASTER_PARAMETER);
        }
        if (settings.concurrency().isPresent()) {
            return new RefreshCap(settings.concurrency().getAsInt(), "refresh.concurrency in dbb-console.yml",
                    CapSource.CONSOLE_SETTINGS);
        }
        return refresh.flatMap(p -> loop(p, settings))
                .map(loop -> new RefreshCap(loop.concurrencyCap(), "the ForEach of " + settings.pipeline(),
                        CapSource.REFRESH_PIPELINE_LOOP))
                .orElse(new RefreshCap(1, "one at a time, as " + settings.pipeline() + " has no ForEach",
                        CapSource.NO_LOOP));
    }

    /** The refresh pipeline's loop over the models: the ForEach over the refresh parameter, else the first one. */
    private static Optional<ForEachDetails> loop(Pipeline refresh, RefreshSettings settings) {
        List<ForEachDetails> loops = refresh.allActivities().stream().map(NestedActivity::activity)
                .flatMap(a -> a.details(ForEachDetails.class).stream()).toList();
        return loops.stream().filter(l -> l.items().display().contains(settings.parameter())).findFirst()
                .or(() -> loops.stream().findFirst());
    }
}
