package org.dbb.console.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.database.DatabaseException;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.JobLocation;
import org.dbb.console.core.engine.RunJournal;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RowMark;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;

/**
 * The run journal in the console's embedded database (schema {@code journal}): each call is its own committed
 * transaction, made before the engine acts on it, so a console killed at any point leaves a record of every job it
 * may have submitted. Also the run history that {@code dbb runs} and the window list. Thread-safe: every call takes
 * its own pooled connection.
 */
public final class JdbcRunJournal implements RunJournal {

    /** Where the journal's versioned migrations live. */
    public static final String MIGRATIONS = "db/migration/journal";
    public static final String SCHEMA = "journal";

    private final DataSource dataSource;
    private final String where;
    private final ObjectMapper mapper = new ObjectMapper();
    private final RunRequestJson requests = new RunRequestJson(mapper);

    private JdbcRunJournal(DataSource dataSource, String where) {
        this.dataSource = dataSource;
        this.where = where;
    }

    /** The journal in {@code database}, its schema brought up to date first. */
    public static JdbcRunJournal open(EmbeddedDatabase database) {
        database.migrate(SCHEMA, MIGRATIONS);
        return new JdbcRunJournal(database.dataSource(), database.file().toString());
    }

    @Override
    public void runCreated(String runId, RunPlan plan, Optional<String> rerunOf, Instant at) {
        ArrayNode stages = mapper.createArrayNode();
        plan.stages().stream().map(PlannedStage::name).forEach(stages::add);
        update("record run " + runId, """
                INSERT INTO journal.runs (run_id, environment, operator, request_json, stages_json, rerun_of, state,
                                          created_at, rerun_of_origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setString(1, runId);
            s.setString(2, plan.environment());
            s.setString(3, plan.request().operator());
            // securestring values never reach the disk; a resume or re-run is given them again
            s.setString(4, requests.write(plan.request(), plan.request().parameters().keySet().stream()
                    .filter(plan::isSecure).collect(Collectors.toSet())));
            s.setString(5, stages.toString());
            setOptional(s, 6, rerunOf);
            s.setString(7, RunState.RUNNING.name());
            s.setObject(8, utc(at));
            // the request says whose run it re-ran; a link without one is to a console run
            setOptional(s, 9, rerunOf.map(o -> plan.request().rerun().map(RerunRequest::originalOrigin)
                    .orElse(RunOrigin.CONSOLE).name()));
        });
    }

    @Override
    public void runResumed(String runId, Instant at) {
        int changed;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE journal.runs SET state = ?, resumed_at = ? WHERE run_id = ? AND ended_at IS NULL""")) {
            s.setString(1, RunState.RUNNING.name());
            s.setObject(2, utc(at));
            s.setString(3, runId);
            changed = s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record that run " + runId + " resumed", e);
        }
        if (changed != 1) {
            throw new IllegalStateException("run " + runId + " is not an interrupted run in the journal; it cannot"
                    + " resume");
        }
    }

    @Override
    public void attemptSubmitting(String runId, StepKey step, int attempt, Instant at) {
        ensureAttempt(runId, step, attempt, at);
        // a request answered "not now" (busy model, throttled) is sent again later as the same attempt
        update("record that " + step + " attempt " + attempt + " is being submitted", """
                UPDATE journal.attempts SET submitting_at = ?
                WHERE run_id = ? AND stage = ? AND path = ? AND attempt = ?
                  AND job_instance_id IS NULL AND refresh_id IS NULL AND ended_at IS NULL""", s -> {
            s.setObject(1, utc(at));
            attemptKey(s, 2, runId, step, attempt);
        });
    }

    @Override
    public void rowWritten(String runId, RowMark mark, long rowId) {
        update("record monitoring row " + rowId + " of " + mark.step(), """
                INSERT INTO journal.monitoring_rows (run_id, stage, path, attempt, kind, row_id)
                VALUES (?, ?, ?, ?, ?, ?)""", s -> {
            keyOf(s, runId, mark.step());
            s.setInt(4, mark.attempt());
            s.setString(5, mark.kind());
            s.setLong(6, rowId);
        });
    }

    @Override
    public Map<RowMark, Long> rowsWritten(String runId) {
        Map<RowMark, Long> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT stage, path, attempt, kind, row_id FROM journal.monitoring_rows WHERE run_id = ?
                ORDER BY row_id""")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(new RowMark(new StepKey(rs.getString(1), rs.getString(2)), rs.getInt(3),
                            rs.getString(4)), rs.getLong(5));
                }
            }
        } catch (SQLException e) {
            throw failure("read the monitoring rows of run " + runId, e);
        }
        return rows;
    }

    @Override
    public void attemptSubmitted(String runId, StepKey step, int attempt, JobLocation job, Instant at) {
        ensureAttempt(runId, step, attempt, at);
        update("record the job of " + step + " attempt " + attempt, """
                UPDATE journal.attempts SET workspace_id = ?, item_id = ?, job_instance_id = ?
                WHERE run_id = ? AND stage = ? AND path = ? AND attempt = ?""", s -> {
            s.setString(1, job.workspaceId());
            s.setString(2, job.itemId());
            s.setString(3, job.jobInstanceId());
            attemptKey(s, 4, runId, step, attempt);
        });
    }

    @Override
    public void refreshSubmitted(String runId, StepKey step, int attempt, String refreshId, Instant at) {
        ensureAttempt(runId, step, attempt, at);
        update("record the refresh of " + step + " attempt " + attempt, """
                UPDATE journal.attempts SET refresh_id = ?
                WHERE run_id = ? AND stage = ? AND path = ? AND attempt = ?""", s -> {
            s.setString(1, refreshId);
            attemptKey(s, 2, runId, step, attempt);
        });
    }

    @Override
    public void attemptEnded(String runId, StepKey step, int attempt, AttemptStatus status,
                             Optional<String> errorCode, Optional<String> message, Instant at) {
        ensureAttempt(runId, step, attempt, at);
        update("record the end of " + step + " attempt " + attempt, """
                UPDATE journal.attempts SET status = ?, error_code = ?, error_message = ?, ended_at = ?
                WHERE run_id = ? AND stage = ? AND path = ? AND attempt = ?""", s -> {
            s.setString(1, status.name());
            setOptional(s, 2, errorCode.map(c -> truncate(c, 200)));
            setOptional(s, 3, message.map(m -> truncate(m, 4000)));
            s.setObject(4, utc(at));
            attemptKey(s, 5, runId, step, attempt);
        });
    }

    @Override
    public void stepEnded(String runId, StepKey step, StepState state, Optional<JsonNode> output,
                          Map<String, JsonNode> variablesSet, Optional<String> reusedFrom, Instant at) {
        ensureStep(runId, step);
        ObjectNode variables = mapper.createObjectNode();
        variablesSet.forEach(variables::set);
        update("record the end of " + step, """
                UPDATE journal.steps SET state = ?, output_json = ?, variables_json = ?, reused_from = ?, ended_at = ?
                WHERE run_id = ? AND stage = ? AND path = ?""", s -> {
            s.setString(1, state.name());
            setOptional(s, 2, output.map(JsonNode::toString));
            s.setString(3, variables.toString());
            setOptional(s, 4, reusedFrom);
            s.setObject(5, utc(at));
            s.setString(6, runId);
            s.setString(7, step.stage());
            s.setString(8, step.path());
        });
    }

    @Override
    public void stageEnded(String runId, String stage, StepState state, Instant at) {
        update("record the end of stage " + stage, """
                INSERT INTO journal.stages (run_id, stage, state, ended_at) VALUES (?, ?, ?, ?)""", s -> {
            s.setString(1, runId);
            s.setString(2, stage);
            s.setString(3, state.name());
            s.setObject(4, utc(at));
        });
    }

    @Override
    public void runEnded(String runId, RunState state, Instant at) {
        update("record the end of run " + runId, """
                UPDATE journal.runs SET state = ?, ended_at = ? WHERE run_id = ?""", s -> {
            s.setString(1, state.name());
            s.setObject(2, utc(at));
            s.setString(3, runId);
        });
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        try (Connection c = dataSource.getConnection()) {
            Optional<RunHeader> header = header(c, runId);
            if (header.isEmpty()) {
                return Optional.empty();
            }
            RunHeader h = header.get();
            Map<String, StepState> stages = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT stage, state FROM journal.stages WHERE run_id = ? ORDER BY ended_at")) {
                s.setString(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stages.put(rs.getString(1), StepState.valueOf(rs.getString(2)));
                    }
                }
            }
            Map<StepKey, List<RunRecord.AttemptRecord>> attempts = attempts(c, runId);
            Map<StepKey, RunRecord.StepRecord> steps = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT stage, path, state, output_json, variables_json FROM journal.steps
                    WHERE run_id = ? ORDER BY seq""")) {
                s.setString(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        StepKey key = new StepKey(rs.getString(1), rs.getString(2));
                        steps.put(key, new RunRecord.StepRecord(key,
                                Optional.ofNullable(rs.getString(3)).map(StepState::valueOf),
                                Optional.ofNullable(rs.getString(4)).map(this::json),
                                variables(rs.getString(5)), attempts.getOrDefault(key, List.of())));
                    }
                }
            }
            return Optional.of(new RunRecord(runId, h.request, h.environment, h.stageNames, h.rerunOf, h.state,
                    h.createdAt, h.endedAt, stages, steps));
        } catch (SQLException e) {
            throw failure("read run " + runId, e);
        }
    }

    /**
     * The securestring parameters run {@code runId} was given values for, which the journal never stored: a resume
     * or a re-run of it needs them given again.
     */
    public Set<String> withheldParameters(String runId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT request_json FROM journal.runs WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? requests.withheld(rs.getString(1)) : Set.of();
            }
        } catch (SQLException e) {
            throw failure("read run " + runId, e);
        }
    }

    /** The newest runs matching {@code query}. */
    public List<RunSummary> list(RunQuery query) {
        StringBuilder sql = new StringBuilder("SELECT TOP (?) r.run_id FROM journal.runs r WHERE 1 = 1");
        query.environment().ifPresent(e -> sql.append(" AND r.environment = ?"));
        query.state().ifPresent(st -> sql.append(" AND r.state = ?"));
        sql.append(" ORDER BY r.created_at DESC, r.run_id DESC");
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setInt(i++, query.limit());
            if (query.environment().isPresent()) {
                s.setString(i++, query.environment().get());
            }
            if (query.state().isPresent()) {
                s.setString(i, query.state().get().name());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<RunSummary> result = new ArrayList<>();
            for (String id : ids) {
                RunHeader h = header(c, id).orElseThrow();
                result.add(new RunSummary(id, h.environment, h.request.operator(), h.state, h.createdAt, h.endedAt,
                        h.rerunOf, failedStage(c, id, h.stageNames), h.rerunOfOrigin));
            }
            return result;
        } catch (SQLException e) {
            throw failure("list runs", e);
        }
    }

    /**
     * The runs that re-ran part of one of {@code originalRunIds} (console run ids or Fabric job instance ids), by
     * original, each list newest first.
     */
    public Map<String, List<RunSummary>> rerunsOf(Collection<String> originalRunIds) {
        Map<String, List<RunSummary>> byOriginal = new LinkedHashMap<>();
        if (originalRunIds.isEmpty()) {
            return byOriginal;
        }
        List<String> ids = new ArrayList<>();
        String marks = String.join(", ", Collections.nCopies(originalRunIds.size(), "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT run_id FROM journal.runs WHERE rerun_of IN (" + marks + ") ORDER BY created_at DESC, run_id"
                        + " DESC")) {
            int i = 1;
            for (String id : originalRunIds) {
                s.setString(i++, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                RunHeader h = header(c, id).orElseThrow();
                byOriginal.computeIfAbsent(h.rerunOf.orElseThrow(), k -> new ArrayList<>()).add(new RunSummary(id,
                        h.environment, h.request.operator(), h.state, h.createdAt, h.endedAt, h.rerunOf,
                        failedStage(c, id, h.stageNames), h.rerunOfOrigin));
            }
            return byOriginal;
        } catch (SQLException e) {
            throw failure("find the re-runs of " + originalRunIds, e);
        }
    }

    /** Runs that never ended: the console stopped while they were going. Newest first. */
    public List<RunSummary> interrupted() {
        return list(RunQuery.newest(1000)).stream().filter(RunSummary::interrupted).toList();
    }

    private Optional<RunHeader> header(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT environment, request_json, stages_json, rerun_of, state, created_at, ended_at, rerun_of_origin
                FROM journal.runs WHERE run_id = ?""")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> stageNames = new ArrayList<>();
                json(rs.getString(3)).forEach(n -> stageNames.add(n.asText()));
                Optional<String> rerunOf = Optional.ofNullable(rs.getString(4));
                Optional<String> originText = Optional.ofNullable(rs.getString(8));
                // runs recorded before the origin was kept re-ran console runs: only those could be re-run then
                Optional<RunOrigin> origin = rerunOf.map(o -> originText.map(RunOrigin::valueOf)
                        .orElse(RunOrigin.CONSOLE));
                return Optional.of(new RunHeader(rs.getString(1), requests.read(rs.getString(2)), stageNames,
                        rerunOf, origin, RunState.valueOf(rs.getString(5)), instant(rs, 6).orElseThrow(),
                        instant(rs, 7)));
            }
        }
    }

    private Optional<String> failedStage(Connection c, String runId, List<String> stageNames) throws SQLException {
        List<String> failed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT stage FROM journal.stages WHERE run_id = ? AND state = ?")) {
            s.setString(1, runId);
            s.setString(2, StepState.FAILED.name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    failed.add(rs.getString(1));
                }
            }
        }
        return stageNames.stream().filter(failed::contains).findFirst();
    }

    private Map<StepKey, List<RunRecord.AttemptRecord>> attempts(Connection c, String runId) throws SQLException {
        Map<StepKey, List<RunRecord.AttemptRecord>> byStep = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT stage, path, attempt, submitting_at, workspace_id, item_id, job_instance_id, refresh_id, status,
                       error_code, error_message, ended_at
                FROM journal.attempts WHERE run_id = ? ORDER BY stage, path, attempt""")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StepKey key = new StepKey(rs.getString(1), rs.getString(2));
                    Optional<JobLocation> job = rs.getString(7) == null ? Optional.empty()
                            : Optional.of(new JobLocation(rs.getString(5), rs.getString(6), rs.getString(7)));
                    byStep.computeIfAbsent(key, k -> new ArrayList<>()).add(new RunRecord.AttemptRecord(
                            rs.getInt(3), instant(rs, 4).orElseThrow(), job, Optional.ofNullable(rs.getString(8)),
                            Optional.ofNullable(rs.getString(9)).map(AttemptStatus::valueOf),
                            Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
                            instant(rs, 12)));
                }
            }
        }
        return byStep;
    }

    /** A step's row exists from the first time anything about it is recorded; later calls update it. */
    private void ensureStep(String runId, StepKey step) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO journal.steps (run_id, stage, path)
                     SELECT ?, ?, ? WHERE NOT EXISTS (
                         SELECT 1 FROM journal.steps WHERE run_id = ? AND stage = ? AND path = ?)""")) {
            keyOf(s, runId, step);
            s.setString(4, runId);
            s.setString(5, step.stage());
            s.setString(6, step.path());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record step " + step, e);
        }
    }

    /** Local steps never announce a submission; their attempt row starts when the attempt ends. */
    private void ensureAttempt(String runId, StepKey step, int attempt, Instant at) {
        ensureStep(runId, step);
        update("record " + step + " attempt " + attempt, """
                INSERT INTO journal.attempts (run_id, stage, path, attempt, submitting_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (
                    SELECT 1 FROM journal.attempts WHERE run_id = ? AND stage = ? AND path = ? AND attempt = ?)""",
                s -> {
                    keyOf(s, runId, step);
                    s.setInt(4, attempt);
                    s.setObject(5, utc(at));
                    attemptKey(s, 6, runId, step, attempt);
                });
    }

    private void update(String what, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private DatabaseException failure(String what, SQLException e) {
        return new DatabaseException("Cannot " + what + " in the run journal " + where + ": " + e.getMessage(), e);
    }

    private static void keyOf(PreparedStatement s, String runId, StepKey step) throws SQLException {
        s.setString(1, runId);
        s.setString(2, step.stage());
        s.setString(3, step.path());
    }

    private static void attemptKey(PreparedStatement s, int first, String runId, StepKey step, int attempt)
            throws SQLException {
        s.setString(first, runId);
        s.setString(first + 1, step.stage());
        s.setString(first + 2, step.path());
        s.setInt(first + 3, attempt);
    }

    private static void setOptional(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? Optional.empty() : Optional.of(value.toInstant(ZoneOffset.UTC));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("The run journal " + where + " holds a value that is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private Map<String, JsonNode> variables(String text) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (text != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = json(text).fields();
            fields.forEachRemaining(f -> result.put(f.getKey(), f.getValue()));
        }
        return result;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private record RunHeader(String environment, RunRequest request, List<String> stageNames,
                             Optional<String> rerunOf, Optional<RunOrigin> rerunOfOrigin, RunState state,
                             Instant createdAt, Optional<Instant> endedAt) {
        RunHeader {
            Objects.requireNonNull(request, "request");
        }
    }
}
