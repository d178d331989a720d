package org.dbb.console.core.fabric;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;

import org.dbb.console.core.fabric.http.ApiCall;
import org.dbb.console.core.fabric.http.ApiRequest;
import org.dbb.console.core.fabric.http.ApiResponse;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.Futures;
import org.dbb.console.core.fabric.http.JsonCodec;
import org.dbb.console.core.fabric.http.Service;
import org.dbb.console.core.fabric.http.StatusPoller;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.WaitListener;
import org.dbb.console.core.fabric.http.Waiting;
import org.dbb.console.core.fabric.http.WireTimes;
import org.dbb.console.core.fabric.jobs.ActivityRun;
import org.dbb.console.core.fabric.jobs.ActivityRunFilter;
import org.dbb.console.core.fabric.jobs.ActivityRunQuery;
import org.dbb.console.core.fabric.jobs.CancelOutcome;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.jobs.JobCancellation;
import org.dbb.console.core.fabric.jobs.JobIdSource;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobInstanceRef;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.fabric.jobs.JobTypes;

/**
 * The Fabric REST API as the console uses it: look-ups (workspaces, items, connections), on-demand jobs, pipeline
 * activity runs and item definitions. Lists follow every page. Thread-safe; blocking methods must run on a
 * background thread, {@code …Async} methods never block the caller.
 */
public final class FabricClient {

    static final ApiCall LIST_WORKSPACES = ApiCall.get(Service.FABRIC, "/v1/workspaces");
    static final ApiCall GET_WORKSPACE = ApiCall.get(Service.FABRIC, "/v1/workspaces/{workspaceId}");
    static final ApiCall LIST_ITEMS = ApiCall.get(Service.FABRIC, "/v1/workspaces/{workspaceId}/items");
    static final ApiCall GET_ITEM = ApiCall.get(Service.FABRIC, "/v1/workspaces/{workspaceId}/items/{itemId}");
    static final ApiCall LIST_CONNECTIONS = ApiCall.get(Service.FABRIC, "/v1/connections");
    static final ApiCall RUN_JOB = ApiCall.post(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances?jobType={jobType}");
    static final ApiCall GET_JOB = ApiCall.get(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances/{jobInstanceId}");
    static final ApiCall GET_NOTEBOOK_JOB = ApiCall.get(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/notebooks/{notebookId}/jobs/execute/instances/{jobInstanceId}?beta=true");
    static final ApiCall LIST_JOBS = ApiCall.get(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances");
    static final ApiCall CANCEL_JOB = ApiCall.post(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/items/{itemId}/jobs/instances/{jobInstanceId}/cancel");
    static final ApiCall QUERY_ACTIVITY_RUNS = ApiCall.post(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/datapipelines/pipelineruns/{jobInstanceId}/queryactivityruns");
    static final ApiCall GET_DEFINITION = ApiCall.post(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/items/{itemId}/getDefinition");
    static final ApiCall UPDATE_DEFINITION = ApiCall.post(Service.FABRIC,
            "/v1/workspaces/{workspaceId}/items/{itemId}/updateDefinition");

    /** Clock skew tolerated when matching a just-started job instance by its start time. */
    private static final Duration START_SKEW = Duration.ofMinutes(5);
    private static final int MAX_ACTIVITY_RUN_PAGES = 1_000;

    private final ApiTransport transport;
    private final JobTypes jobTypes;
    private final Polling polling;
    private final LongRunningOperations operations;

    /** A client with the documented job types and default polling. */
    public FabricClient(ApiTransport transport) {
        this(transport, JobTypes.defaults(), Polling.DEFAULTS);
    }

    public FabricClient(ApiTransport transport, JobTypes jobTypes, Polling polling) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.jobTypes = Objects.requireNonNull(jobTypes, "jobTypes");
        this.polling = Objects.requireNonNull(polling, "polling");
        this.operations = new LongRunningOperations(transport, polling);
    }

    /** This client reporting waits (throttling, outages, operation polls) to {@code listener}. */
    public FabricClient withWaitListener(WaitListener listener) {
        return new FabricClient(transport.withWaitListener(listener), jobTypes, polling);
    }

    /**
     * This client reporting waits to {@code extra} as well as to the listener it has: for a reader that wants to
     * know about throttling without taking the console's wait reporting away.
     */
    public FabricClient alsoReportingWaitsTo(WaitListener extra) {
        Objects.requireNonNull(extra, "extra");
        WaitListener current = transport.waitListener();
        return withWaitListener(waiting -> {
            try {
                current.waiting(waiting);
            } finally {
                extra.waiting(waiting);
            }
        });
    }

    public JobTypes jobTypes() {
        return jobTypes;
    }

    // Look-ups

    public List<Workspace> listWorkspaces() {
        HttpUrl url = transport.url(Service.FABRIC, "v1", "workspaces").build();
        return Pager.collect(transport, LIST_WORKSPACES, url, FabricDtos.WorkspacePage.class).stream()
                .map(dto -> convert(LIST_WORKSPACES, dto::toDomain)).toList();
    }

    public Workspace getWorkspace(String workspaceId) {
        ApiResponse response = transport.execute(ApiRequest.to(GET_WORKSPACE,
                transport.url(Service.FABRIC, "v1", "workspaces", workspaceId).build()));
        return json().toDomain(response, () -> json().read(response, FabricDtos.WorkspaceDto.class).toDomain());
    }

    public List<Item> listItems(String workspaceId) {
        return listItems(workspaceId, Optional.empty());
    }

    /** The items of {@code itemType} (e.g. {@code SemanticModel}) in the workspace. */
    public List<Item> listItems(String workspaceId, String itemType) {
        return listItems(workspaceId, Optional.of(itemType));
    }

    public Item getItem(String workspaceId, String itemId) {
        ApiResponse response = transport.execute(ApiRequest.to(GET_ITEM,
                transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "items", itemId).build()));
        return json().toDomain(response,
                () -> json().read(response, FabricDtos.ItemDto.class).toDomain(workspaceId));
    }

    public List<Connection> listConnections() {
        HttpUrl url = transport.url(Service.FABRIC, "v1", "connections").build();
        return Pager.collect(transport, LIST_CONNECTIONS, url, FabricDtos.ConnectionPage.class).stream()
                .map(dto -> convert(LIST_CONNECTIONS, dto::toDomain)).toList();
    }

    // Jobs

    /**
     * Starts {@code request} on the item and returns the accepted instance. Never re-sent after the service may
     * have acted on it: an ambiguous failure is a {@link FabricApiException} with {@code outcomeUnknown()}.
     */
    public JobInstanceRef runJob(String workspaceId, String itemId, JobRequest request) {
        Instant sentAt = transport.clock().instant();
        ApiResponse response = transport.execute(runRequest(workspaceId, itemId, request));
        return refFromLocation(response, workspaceId, itemId)
                .orElseGet(() -> findStartedInstance(response, workspaceId, itemId, sentAt));
    }

    /** {@link #runJob} without blocking; the future fails with the same exceptions. */
    public CompletableFuture<JobInstanceRef> runJobAsync(String workspaceId, String itemId, JobRequest request) {
        Instant sentAt = transport.clock().instant();
        return transport.executeAsync(runRequest(workspaceId, itemId, request)).thenCompose(response ->
                refFromLocation(response, workspaceId, itemId).map(CompletableFuture::completedFuture)
                        .orElseGet(() -> CompletableFuture.supplyAsync(
                                () -> findStartedInstance(response, workspaceId, itemId, sentAt),
                                transport.scheduler())));
    }

    public JobInstance getJobInstance(String workspaceId, String itemId, String jobInstanceId) {
        return Futures.join(getJobInstanceAsync(workspaceId, itemId, jobInstanceId));
    }

    /** Reads the instance; its {@code retryAfter()} says when to poll again. */
    public CompletableFuture<JobInstance> getJobInstanceAsync(String workspaceId, String itemId,
            String jobInstanceId) {
        ApiRequest request = ApiRequest.to(GET_JOB, transport.url(Service.FABRIC, "v1", "workspaces", workspaceId,
                "items", itemId, "jobs", "instances", jobInstanceId).build());
        return transport.executeAsync(request).thenApply(response -> json().toDomain(response,
                () -> json().read(response, FabricDtos.JobInstanceDto.class)
                        .toDomain(json(), itemId, response.retryAfter())));
    }

    /**
     * Polls the instance until it ends ({@code Completed}, {@code Failed}, {@code Cancelled} or {@code Deduped}) and
     * returns it as last read. Waits what Fabric asks ({@code Retry-After}) between checks, never less than the
     * client's {@link Polling#minInterval()}; each wait is reported as {@link WaitCause#JOB_RUNNING}.
     */
    public JobInstance awaitJob(JobInstanceRef job) {
        return Futures.join(awaitJobAsync(job));
    }

    /**
     * {@link #awaitJob} without blocking: checks run on the transport's scheduler, no thread waits for the job.
     * There is no deadline (a pipeline may run for hours); cancel the future to stop polling, which leaves the job
     * itself running in Fabric.
     */
    public CompletableFuture<JobInstance> awaitJobAsync(JobInstanceRef job) {
        String subject = "Fabric job " + job.jobInstanceId();
        Waiting first = transport.pollWait(GET_JOB, WaitCause.JOB_RUNNING, subject, "accepted", 0,
                job.retryAfter(), polling.next(job.retryAfter()));
        return StatusPoller.poll(transport, first,
                () -> getJobInstanceAsync(job.workspaceId(), job.itemId(), job.jobInstanceId()),
                JobInstance::isTerminal,
                (instance, checks) -> transport.pollWait(GET_JOB, WaitCause.JOB_RUNNING, subject,
                        "is " + instance.statusText(), checks, instance.retryAfter(),
                        polling.next(instance.retryAfter())));
    }

    /**
     * A notebook run read through the notebook endpoint, which unlike the generic one reports the notebook's exit
     * value ({@code notebookutils.notebook.exit}) once the run completed.
     */
    public JobInstance getNotebookJobInstance(String workspaceId, String notebookId, String jobInstanceId) {
        HttpUrl url = transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "notebooks", notebookId,
                "jobs", "execute", "instances", jobInstanceId).addQueryParameter("beta", "true").build();
        ApiResponse response = transport.execute(ApiRequest.to(GET_NOTEBOOK_JOB, url));
        return json().toDomain(response, () -> json().read(response, FabricDtos.JobInstanceDto.class)
                .toDomain(json(), notebookId, response.retryAfter()));
    }

    /** The item's job instances (Fabric keeps about the 100 most recent finished ones, plus active ones). */
    public List<JobInstance> listJobInstances(String workspaceId, String itemId) {
        HttpUrl url = transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "items", itemId, "jobs",
                "instances").build();
        return Pager.collect(transport, LIST_JOBS, url, FabricDtos.JobInstancePage.class).stream()
                .map(dto -> convert(LIST_JOBS, () -> dto.toDomain(json(), itemId, Optional.empty()))).toList();
    }

    public JobCancellation cancelJobInstance(String workspaceId, String itemId, String jobInstanceId) {
        return Futures.join(cancelJobInstanceAsync(workspaceId, itemId, jobInstanceId));
    }

    /** Asks Fabric to cancel the instance; a job that already finished is reported, not treated as an error. */
    public CompletableFuture<JobCancellation> cancelJobInstanceAsync(String workspaceId, String itemId,
            String jobInstanceId) {
        ApiRequest request = ApiRequest.to(CANCEL_JOB, transport.url(Service.FABRIC, "v1", "workspaces",
                workspaceId, "items", itemId, "jobs", "instances", jobInstanceId, "cancel").build())
                // cancelling twice does no harm: the second answer is JobAlreadyCompleted or another 202
                .markedIdempotent();
        return transport.executeAsync(request).handle((response, error) -> {
            if (error == null) {
                return new JobCancellation(new JobInstanceRef(workspaceId, itemId, jobInstanceId,
                        response.retryAfter(), JobIdSource.CALLER), CancelOutcome.REQUESTED);
            }
            Throwable cause = Futures.unwrap(error);
            if (cause instanceof FabricApiException e && e.hasErrorCode("JobAlreadyCompleted")) {
                return new JobCancellation(new JobInstanceRef(workspaceId, itemId, jobInstanceId, Optional.empty(),
                        JobIdSource.CALLER), CancelOutcome.ALREADY_COMPLETED);
            }
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        });
    }

    // Activity runs

    /**
     * The activity runs of a pipeline run. Accepts both answers Fabric is known to give: a bare JSON array and a
     * {@code {value, continuationToken}} envelope, following the token until it is absent.
     */
    public List<ActivityRun> queryActivityRuns(String workspaceId, String jobInstanceId, ActivityRunQuery query) {
        HttpUrl url = transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "datapipelines",
                "pipelineruns", jobInstanceId, "queryactivityruns").build();
        List<ActivityRun> runs = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        for (int page = 1; ; page++) {
            ApiRequest request = ApiRequest.to(QUERY_ACTIVITY_RUNS, url)
                    .withJsonBody(json().write(queryBody(query, token)))
                    .markedIdempotent();
            ApiResponse response = transport.execute(request);
            JsonNode root = json().readTree(response);
            JsonNode values = root.isArray() ? root : root.path("value");
            for (JsonNode node : values) {
                runs.add(json().toDomain(response,
                        () -> json().convert(node, FabricDtos.ActivityRunDto.class, response).toDomain()));
            }
            token = root.isObject() ? JsonCodec.optional(root.path("continuationToken").asText(null)).orElse(null)
                    : null;
            if (token == null) {
                return runs;
            }
            if (!tokens.add(token) || page >= MAX_ACTIVITY_RUN_PAGES) {
                throw FabricApiException.of(QUERY_ACTIVITY_RUNS, "PaginationLoop",
                        "the service keeps returning activity-run pages (" + page + " so far)");
            }
        }
    }

    // Definitions

    /** The item's definition, its parts decoded; waits for the long-running operation when Fabric starts one. */
    public ItemDefinition getItemDefinition(String workspaceId, String itemId) {
        return Futures.join(getItemDefinitionAsync(workspaceId, itemId, Optional.empty()));
    }

    /** The item's definition in {@code format} (e.g. {@code ipynb} for a notebook). */
    public ItemDefinition getItemDefinition(String workspaceId, String itemId, String format) {
        return Futures.join(getItemDefinitionAsync(workspaceId, itemId, Optional.of(format)));
    }

    public CompletableFuture<ItemDefinition> getItemDefinitionAsync(String workspaceId, String itemId,
            Optional<String> format) {
        HttpUrl.Builder url = transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "items", itemId,
                "getDefinition");
        format.ifPresent(f -> url.addQueryParameter("format", f));
        // reading a definition changes nothing, so it may be re-sent
        ApiRequest request = ApiRequest.to(GET_DEFINITION, url.build()).markedIdempotent();
        return transport.executeAsync(request)
                .thenCompose(first -> operations.complete(first, true))
                .thenApply(result -> json().toDomain(result,
                        () -> json().read(result, FabricDtos.DefinitionEnvelopeDto.class).toDomain()));
    }

    /** Replaces the item's definition with {@code definition}; {@code .platform} parts are ignored by Fabric. */
    public void updateItemDefinition(String workspaceId, String itemId, ItemDefinition definition) {
        Futures.join(updateItemDefinitionAsync(workspaceId, itemId, definition, false));
    }

    /** Replaces the definition and applies its {@code .platform} part (name, description) as well. */
    public void updateItemDefinitionAndMetadata(String workspaceId, String itemId, ItemDefinition definition) {
        Futures.join(updateItemDefinitionAsync(workspaceId, itemId, definition, true));
    }

    /** {@link #updateItemDefinition} without blocking; completes when Fabric's operation has succeeded. */
    public CompletableFuture<Void> updateItemDefinitionAsync(String workspaceId, String itemId,
            ItemDefinition definition) {
        return updateItemDefinitionAsync(workspaceId, itemId, definition, false);
    }

    private CompletableFuture<Void> updateItemDefinitionAsync(String workspaceId, String itemId,
            ItemDefinition definition, boolean updateMetadata) {
        HttpUrl.Builder url = transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "items", itemId,
                "updateDefinition");
        if (updateMetadata) {
            url.addQueryParameter("updateMetadata", "true");
        }
        // sending the same definition twice leaves the same result
        ApiRequest request = ApiRequest.to(UPDATE_DEFINITION, url.build())
                .withJsonBody(json().write(Map.of("definition", FabricDtos.DefinitionDto.of(definition))))
                .markedIdempotent();
        return transport.executeAsync(request)
                .thenCompose(first -> operations.complete(first, false))
                .thenApply(done -> null);
    }

    // Helpers

    private JsonCodec json() {
        return transport.json();
    }

    private List<Item> listItems(String workspaceId, Optional<String> itemType) {
        HttpUrl.Builder url = transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "items");
        itemType.ifPresent(t -> url.addQueryParameter("type", t));
        return Pager.collect(transport, LIST_ITEMS, url.build(), FabricDtos.ItemPage.class).stream()
                .map(dto -> convert(LIST_ITEMS, () -> dto.toDomain(workspaceId))).toList();
    }

    private <T> T convert(ApiCall call, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw FabricApiException.of(call, "UnreadableResponse",
                    "the response is missing what the console needs (" + e.getMessage() + ")");
        }
    }

    private ApiRequest runRequest(String workspaceId, String itemId, JobRequest request) {
        String jobType = request.jobType().or(() -> jobTypes.jobTypeFor(request.itemType()))
                .orElseThrow(() -> new IllegalArgumentException("no job type is configured for item type "
                        + request.itemType() + "; add one to the job types or name it on the request"));
        // the query-string form is the one fabric-cli uses and Fabric still accepts
        HttpUrl url = transport.url(Service.FABRIC, "v1", "workspaces", workspaceId, "items", itemId, "jobs",
                "instances").addQueryParameter("jobType", jobType).build();
        ApiRequest run = ApiRequest.to(RUN_JOB, url);
        return request.executionData().isEmpty()
                ? run
                : run.withJsonBody(json().write(Map.of("executionData", request.executionData())));
    }

    private static Optional<JobInstanceRef> refFromLocation(ApiResponse response, String workspaceId,
            String itemId) {
        return response.header("Location").flatMap(Locations::lastUuidSegment)
                .map(id -> new JobInstanceRef(workspaceId, itemId, id, response.retryAfter(), JobIdSource.LOCATION));
    }

    /**
     * The instance a run request created when {@code Location} named none (some Fabric answers end in
     * {@code …/instances?jobType=…}): the newest manual instance started since the request was sent.
     */
    private JobInstanceRef findStartedInstance(ApiResponse accepted, String workspaceId, String itemId,
            Instant sentAt) {
        Instant notBefore = sentAt.minus(START_SKEW);
        Optional<JobInstance> newest = listJobInstances(workspaceId, itemId).stream()
                .filter(j -> j.invokeType() == InvokeType.MANUAL)
                .filter(j -> j.startTime().map(t -> !t.isBefore(notBefore)).orElse(true))
                // an instance not started yet has no start time and is the newest of all
                .max(Comparator.comparing(j -> j.startTime().orElse(Instant.MAX)));
        return newest.map(j -> new JobInstanceRef(workspaceId, itemId, j.id(), accepted.retryAfter(),
                        JobIdSource.INSTANCE_LIST))
                .orElseThrow(() -> FabricApiException.outcomeUnknown(RUN_JOB, "JobInstanceIdUnknown",
                        "Fabric accepted the job (202) but its Location names no job instance and no manual instance"
                                + " started since " + WireTimes.format(sentAt) + " is listed for item " + itemId,
                        accepted.requestId()));
    }

    private static FabricDtos.QueryActivityRunsDto queryBody(ActivityRunQuery query, String continuationToken) {
        List<FabricDtos.FilterDto> filters = new ArrayList<>();
        for (ActivityRunFilter f : query.filters()) {
            filters.add(new FabricDtos.FilterDto(f.operand(), f.operator(), f.values()));
        }
        return new FabricDtos.QueryActivityRunsDto(WireTimes.format(query.lastUpdatedAfter()),
                WireTimes.format(query.lastUpdatedBefore()), filters.isEmpty() ? null : filters,
                query.descendingByStart() ? List.of(new FabricDtos.OrderDto("ActivityRunStart", "DESC")) : null,
                continuationToken);
    }
}
