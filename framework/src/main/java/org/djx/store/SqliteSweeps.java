package org.djx.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djx.store.SweepStore.TrialMetric;

/**
 * The sweep and trial half of {@link SqliteResultStore}: the same connection, under the same
 * lock and in the same IMMEDIATE transactions ({@link SqliteResultStore#write}), kept apart so
 * that runs, queries and sweeps each read on their own. See {@link SweepStore} for the contract.
 */
final class SqliteSweeps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqliteResultStore store;

    SqliteSweeps(SqliteResultStore store) {
        this.store = store;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value + " as JSON", e);
        }
    }

    private static <T> T fromJson(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("the results store holds malformed JSON: " + text, e);
        }
    }

    long createSweep(NewSweep sweep) {
        return store.write("create a sweep", c -> {
            long sweepId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sweeps(experiment, descriptor_hash, descriptor, descriptor_file, overrides, strategy,"
                            + " objective_metric, objective_goal, max_retries, created_at, status)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, sweep.experiment());
                ps.setString(2, sweep.descriptorHash());
                ps.setString(3, sweep.descriptor());
                ps.setString(4, sweep.descriptorFile());
                ps.setString(5, toJson(sweep.overrides()));
                ps.setString(6, sweep.strategy());
                ps.setString(7, sweep.objectiveMetric());
                ps.setString(8, sweep.maximize() ? "maximize" : "minimize");
                ps.setInt(9, sweep.maxRetries());
                ps.setString(10, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    sweepId = keys.getLong(1);
                }
            }
            insertTrials(c, sweepId, 0, sweep.trials());
            return sweepId;
        });
    }

    private static void insertTrials(Connection c, long sweepId, int firstNumber, List<Map<String, Object>> trials)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO trials(sweep_id, number, overrides, status) VALUES (?, ?, ?, 'queued')")) {
            int number = firstNumber;
            for (Map<String, Object> overrides : trials) {
                ps.setLong(1, sweepId);
                ps.setInt(2, number++);
                ps.setString(3, toJson(overrides));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String SWEEP_COLUMNS = "SELECT id, experiment, descriptor_hash, descriptor_file, overrides, strategy,"
            + " objective_metric, objective_goal, max_retries, created_at, status FROM sweeps";

    Optional<SweepRecord> sweep(long sweepId) {
        return store.read("read a sweep", c -> oneSweep(c, SWEEP_COLUMNS + " WHERE id = ?", sweepId));
    }

    Optional<SweepRecord> latestSweep(String experiment) {
        return store.read("read a sweep", c -> oneSweep(c, SWEEP_COLUMNS + " WHERE experiment = ? ORDER BY id DESC LIMIT 1", experiment));
    }

    @SuppressWarnings("unchecked")
    private static Optional<SweepRecord> oneSweep(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SweepRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.copyOf(fromJson(rs.getString(5), List.class)), rs.getString(6), rs.getString(7),
                        "maximize".equals(rs.getString(8)), rs.getInt(9), SqliteResultStore.instant(rs.getString(10)), rs.getString(11)));
            }
        }
    }

    int addTrials(long sweepId, List<Map<String, Object>> overrides) {
        return store.write("add trials", c -> {
            int next;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(number) + 1, 0) FROM trials WHERE sweep_id = ?")) {
                ps.setLong(1, sweepId);
                try (ResultSet rs = ps.executeQuery()) {
                    next = rs.getInt(1);
                }
            }
            insertTrials(c, sweepId, next, overrides);
            if (!overrides.isEmpty()) {
                updateSweepStatus(c, sweepId, "running");
            }
            return overrides.size();
        });
    }

    Optional<TrialRecord> claimTrial(long sweepId, String worker) {
        Optional<Integer> claimed = store.write("claim a trial", c -> {
            String now = Instant.now().toString();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trials SET status = 'running', attempts = attempts + 1, worker = ?, claimed_at = ?,"
                            + " heartbeat_at = ?, ended_at = NULL, error = NULL, run_id = NULL"
                            + " WHERE id = (SELECT id FROM trials WHERE sweep_id = ? AND status = 'queued' ORDER BY number LIMIT 1)"
                            + " RETURNING number")) {
                ps.setString(1, worker);
                ps.setString(2, now);
                ps.setString(3, now);
                ps.setLong(4, sweepId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getInt(1)) : Optional.<Integer>empty();
                }
            }
        });
        return claimed.flatMap(number -> trial(sweepId, number));
    }

    void attachRun(long sweepId, int trial, long runId) {
        store.write("tie a run to its trial", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET run_id = ? WHERE sweep_id = ? AND number = ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, sweepId);
                ps.setInt(3, trial);
                ps.executeUpdate();
            }
            return null;
        });
    }

    void trialHeartbeat(long sweepId, int trial, String worker) {
        store.write("write a trial heartbeat", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trials SET heartbeat_at = ? WHERE sweep_id = ? AND number = ? AND worker = ? AND status = 'running'")) {
                ps.setString(1, Instant.now().toString());
                ps.setLong(2, sweepId);
                ps.setInt(3, trial);
                ps.setString(4, worker);
                ps.executeUpdate();
            }
            return null;
        });
    }

    boolean finishTrial(long sweepId, int trial, String worker, RunStatus status, String error) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("not a final status: " + status);
        }
        return store.write("finish a trial", c -> endRunningTrial(c, sweepId, trial, worker, status.label(), error, Instant.now().toString()));
    }

    /** Ends the trial if {@code worker} still holds it running; true when it did. */
    private static boolean endRunningTrial(Connection c, long sweepId, int trial, String worker, String status, String error,
            String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE trials SET status = ?, error = ?, ended_at = ? WHERE sweep_id = ? AND number = ? AND worker = ? AND status = 'running'")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setString(3, now);
            ps.setLong(4, sweepId);
            ps.setInt(5, trial);
            ps.setString(6, worker);
            return ps.executeUpdate() == 1;
        }
    }

    boolean interruptTrial(long sweepId, int trial, String worker, String reason) {
        return store.write("interrupt a trial", c -> {
            String now = Instant.now().toString();
            // A worker can die after its run ended but before it recorded the trial's end (two
            // transactions): then the trial ends as its run did, and is not run again.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT r.status, r.error FROM runs r JOIN trials t ON t.sweep_id = r.sweep_id AND t.number = r.trial"
                            + " WHERE t.sweep_id = ? AND t.number = ? AND t.worker = ? AND t.status = 'running'"
                            + " AND julianday(r.created_at) >= julianday(t.claimed_at) ORDER BY r.id DESC LIMIT 1")) {
                ps.setLong(1, sweepId);
                ps.setInt(2, trial);
                ps.setString(3, worker);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && List.of("completed", "pruned", "failed").contains(rs.getString(1))) {
                        endRunningTrial(c, sweepId, trial, worker, rs.getString(1), rs.getString(2), now);
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE runs SET status = 'interrupted', ended_at = ?, error = ? WHERE status = 'running' AND sweep_id = ? AND trial = ?"
                            + " AND EXISTS (SELECT 1 FROM trials WHERE sweep_id = ? AND number = ? AND worker = ? AND status = 'running')")) {
                ps.setString(1, now);
                ps.setString(2, reason);
                ps.setLong(3, sweepId);
                ps.setInt(4, trial);
                ps.setLong(5, sweepId);
                ps.setInt(6, trial);
                ps.setString(7, worker);
                ps.executeUpdate();
            }
            return endRunningTrial(c, sweepId, trial, worker, RunStatus.INTERRUPTED.label(), reason, now);
        });
    }

    int requeueForRetry(long sweepId, int maxRetries, Set<RunStatus> statuses) {
        for (RunStatus s : statuses) {
            if (s != RunStatus.FAILED && s != RunStatus.INTERRUPTED) {
                throw new IllegalArgumentException("only failed or interrupted trials are retried, not " + s.label());
            }
        }
        if (statuses.isEmpty()) {
            return 0;
        }
        String in = String.join(", ", statuses.stream().map(s -> "'" + s.label() + "'").toList());
        return store.write("requeue trials", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trials SET status = 'queued' WHERE sweep_id = ? AND status IN (" + in + ") AND attempts <= ?")) {
                ps.setLong(1, sweepId);
                ps.setInt(2, maxRetries);
                int n = ps.executeUpdate();
                if (n > 0) {
                    updateSweepStatus(c, sweepId, "running");
                }
                return n;
            }
        });
    }

    private static final String TRIAL_COLUMNS =
            "SELECT t.sweep_id, t.number, t.overrides, t.status, t.run_id, t.attempts, t.worker, t.claimed_at, t.heartbeat_at,"
                    + " t.error, coalesce(r.epochs, 0),"
                    + " (SELECT CASE WHEN s.objective_goal = 'maximize' THEN max(m.value) ELSE min(m.value) END"
                    + "  FROM metrics m WHERE m.run_id = t.run_id AND m.name = s.objective_metric),"
                    + " (SELECT m.value FROM metrics m WHERE m.run_id = t.run_id AND m.name = 'test_accuracy' ORDER BY m.epoch DESC LIMIT 1)"
                    + " FROM trials t JOIN sweeps s ON s.id = t.sweep_id LEFT JOIN runs r ON r.id = t.run_id";

    List<TrialRecord> trials(long sweepId) {
        return trials(sweepId, null);
    }

    Optional<TrialRecord> trial(long sweepId, int number) {
        return trials(sweepId, number).stream().findFirst();
    }

    private List<TrialRecord> trials(long sweepId, Integer number) {
        return store.read("list trials", c -> {
            String sql = TRIAL_COLUMNS + " WHERE t.sweep_id = ?" + (number == null ? "" : " AND t.number = ?") + " ORDER BY t.number";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, sweepId);
                if (number != null) {
                    ps.setInt(2, number);
                }
                List<TrialRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long runId = rs.getLong(5);
                        Long run = rs.wasNull() ? null : runId;
                        // getObject, not getDouble + wasNull: sqlite-jdbc's wasNull misreports after getDouble
                        Object objective = rs.getObject(12);
                        Object test = rs.getObject(13);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> overrides = fromJson(rs.getString(3), LinkedHashMap.class);
                        out.add(new TrialRecord(rs.getLong(1), rs.getInt(2), Collections.unmodifiableMap(overrides),
                                RunStatus.fromLabel(rs.getString(4)), run, rs.getInt(6), rs.getString(7), SqliteResultStore.instant(rs.getString(8)),
                                SqliteResultStore.instant(rs.getString(9)), rs.getString(10), rs.getInt(11),
                                objective == null ? null : ((Number) objective).doubleValue(), test == null ? null : ((Number) test).doubleValue()));
                    }
                }
                return out;
            }
        });
    }

    List<TrialMetric> metricAt(long sweepId, String metric, int epoch) {
        return store.read("read trial metrics", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT t.number, t.status, m.value FROM trials t JOIN metrics m ON m.run_id = t.run_id"
                            + " WHERE t.sweep_id = ? AND m.name = ? AND m.epoch = ? AND m.value IS NOT NULL ORDER BY t.number")) {
                ps.setLong(1, sweepId);
                ps.setString(2, metric);
                ps.setInt(3, epoch);
                List<TrialMetric> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TrialMetric(rs.getInt(1), RunStatus.fromLabel(rs.getString(2)), rs.getDouble(3)));
                    }
                }
                return out;
            }
        });
    }

    void setSweepStatus(long sweepId, String status) {
        store.write("update a sweep", c -> {
            updateSweepStatus(c, sweepId, status);
            return null;
        });
    }

    private static void updateSweepStatus(Connection c, long sweepId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sweeps SET status = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setLong(2, sweepId);
            ps.executeUpdate();
        }
    }
}
