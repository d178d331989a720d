package org.dbb.console.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.expr.ExpressionEvaluationException;
import org.dbb.console.core.plan.StepAction;

/**
 * A ForEach: evaluates the item list, then runs the inner steps once per item, each item in a scope of its own
 * ({@code @item()}), at most {@code batchCount} items at once; the others wait (slot held). Each item is a step of
 * its own ({@code Fan/[i] label}) that succeeds when none of its inner steps failed; the fan-out fails when an item
 * failed, after every item has ended (as Data Factory does). A re-run reuses the items the original run finished.
 * Used only on the run's serial executor.
 */
final class FanOutStep implements Cancellable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LABEL_LENGTH = 40;
    private static final int HOLDERS_SHOWN = 5;

    private final RunExecution run;
    private final StepKey key;
    private final StepAction.FanOut fanOut;
    private final Scope scope;
    private final ReusePolicy reuse;
    private final CompletableFuture<StepResult> done = new CompletableFuture<>();
    private final Deque<Integer> queued = new ArrayDeque<>();
    private final Map<Integer, StepKey> running = new LinkedHashMap<>();
    private final List<StepKey> failed = new ArrayList<>();
    private List<JsonNode> items;
    private List<StepKey> keys;
    private AttemptLog log;
    private int open;
    private boolean cancelled;

    FanOutStep(RunExecution run, StepKey key, StepAction.FanOut fanOut, Scope scope, ReusePolicy reuse) {
        this.run = run;
        this.key = key;
        this.fanOut = fanOut;
        this.scope = scope;
        this.reuse = reuse;
    }

    CompletableFuture<StepResult> start() {
        log = new AttemptLog(key, 1, Optional.empty(), run.now(), Optional.empty());
        run.running(key, 1);
        run.attemptStarted(log);
        JsonNode list;
        try {
            list = fanOut.items().evaluate(scope);
        } catch (ExpressionEvaluationException e) {
            return fail(e.getMessage());
        }
        if (!list.isArray()) {
            return fail("the items of the ForEach (" + fanOut.items().text() + ") must be an array, were "
                    + abbreviate(list.toString()));
        }
        items = new ArrayList<>(list.size());
        keys = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            items.add(list.get(i));
            keys.add(key.item(i, label(list.get(i))));
        }
        open = items.size();
        run.track(this);
        for (int i = 0; i < items.size(); i++) {
            Optional<RunRecord.StepRecord> original = reuse.reusable(keys.get(i));
            if (original.isPresent()) {
                run.reuse(keys.get(i), original.get(), scope);
                open--;
            } else {
                queued.add(i);
            }
        }
        fill();
        if (!queued.isEmpty()) {
            WaitReason reason = WaitReason.slotHeld(holders(), fanOut.batchCount());
            for (int i : queued) {
                run.waiting(keys.get(i), reason, 0);
            }
        }
        settleIfDone();
        return done;
    }

    @Override
    public void cancel() {
        cancelled = true;
        while (!queued.isEmpty()) {
            run.stepEnded(keys.get(queued.poll()), StepResult.cancelled());
            open--;
        }
        settleIfDone();
    }

    private void fill() {
        while (running.size() < fanOut.batchCount() && !queued.isEmpty() && !cancelled) {
            int index = queued.poll();
            StepKey itemKey = keys.get(index);
            running.put(index, itemKey);
            run.running(itemKey, 1);
            new StepGraph(run, key.stage(), itemKey, fanOut.steps(), scope.forItem(items.get(index)), reuse).start()
                    .thenAcceptAsync(result -> itemEnded(index, result), run.serial());
        }
    }

    private void itemEnded(int index, StepGraph.Result result) {
        StepKey itemKey = running.remove(index);
        StepResult end = result.cancelled() ? StepResult.cancelled()
                : result.failed() ? StepResult.failed("failed: " + result.failedSteps())
                : StepResult.succeeded(Optional.empty());
        if (end.state() == StepState.FAILED) {
            failed.add(itemKey);
        }
        run.stepEnded(itemKey, end);
        open--;
        fill();
        settleIfDone();
    }

    private void settleIfDone() {
        if (open > 0 || done.isDone()) {
            return;
        }
        run.untrack(this);
        ObjectNode output = JSON.createObjectNode().put("itemCount", items.size()).put("failedItems", failed.size());
        if (cancelled || run.isCancelling()) {
            run.attemptEnded(log, AttemptResult.of(AttemptStatus.CANCELLED, null, "run cancelled"));
            done.complete(StepResult.cancelled());
        } else if (!failed.isEmpty()) {
            String message = failed.size() + " of " + items.size() + " items failed: "
                    + failed.stream().limit(HOLDERS_SHOWN).map(StepKey::name).toList();
            run.attemptEnded(log, AttemptResult.of(AttemptStatus.FAILED, "ItemsFailed", message));
            done.complete(new StepResult(StepState.FAILED, Optional.of(output), Map.of(), Optional.of(message),
                    Optional.empty()));
        } else {
            run.attemptEnded(log, AttemptResult.succeeded(output));
            done.complete(StepResult.succeeded(Optional.of(output)));
        }
    }

    private CompletableFuture<StepResult> fail(String message) {
        run.attemptEnded(log, AttemptResult.of(AttemptStatus.FAILED, "InvalidItems", message));
        done.complete(StepResult.failed(message));
        return done;
    }

    private List<String> holders() {
        List<String> names = new ArrayList<>();
        for (StepKey holder : running.values()) {
            if (names.size() == HOLDERS_SHOWN) {
                names.add("…");
                break;
            }
            names.add(holder.name());
        }
        return names;
    }

    /** What operators recognise an item by: its text, or its name field, or its JSON. */
    private static String label(JsonNode item) {
        if (item.isTextual()) {
            return abbreviate(item.textValue());
        }
        for (String field : List.of("name", "displayName", "model", "table")) {
            JsonNode value = item.get(field);
            if (value != null && value.isValueNode()) {
                return abbreviate(value.asText());
            }
        }
        return abbreviate(item.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1) + "…";
    }
}
