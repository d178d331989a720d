package org.dbb.console.core.plan;

import org.dbb.console.core.workspace.Workspace;

/**
 * What every part of one plan build reads: the repository, the environment, the request, the clock scale, the
 * master pipeline as deployed and the problems found so far. Confined to one build; not thread-safe.
 */
record PlanContext(Workspace repo, EnvironmentCatalog catalog, RunRequest request, Scaling scaling,
                   DeployedPipeline master, PlanProblems problems) {
}
