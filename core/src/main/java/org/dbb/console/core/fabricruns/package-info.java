/**
 * The runs Fabric started of the master pipeline (its schedule, the portal, the API), read through the console's
 * own clients and shown stage by stage like the console's runs; {@link
 * org.dbb.console.core.fabricruns.FabricRunHistory} is the entry point.
 *
 * <p>What Fabric does not promise, and how it is bridged:
 * <ul>
 *   <li>A child run id in Execute/Invoke Pipeline activity outputs ({@code output.pipelineRunId}, as Azure Data
 *       Factory gives it). Without it the child is the child pipeline's job instance that started while the
 *       activity ran, and the detail says it was matched by time window.</li>
 *   <li>The parameters of a run: the job instance carries none. Values are read where a top-level activity passes a
 *       parameter on unchanged and Fabric shows that activity's evaluated input; the rest are the pipeline's
 *       declared defaults, marked as such so a re-run asks for confirmation.</li>
 *   <li>One envelope for Query activity runs: the bare array of the documentation and the {@code {value}} object
 *       live services answer are both read by {@code FabricClient.queryActivityRuns}.</li>
 * </ul>
 */
package org.dbb.console.core.fabricruns;
