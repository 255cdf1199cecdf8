package org.djx.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.concurrent.ThreadLocalRandom;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Collection;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@link ResultStore} in one SQLite file: WAL journal (readers never block the writer),
 * {@code synchronous=NORMAL}, foreign keys, a busy timeout, and IMMEDIATE write transactions so
 * that concurrent writers queue on the lock instead of failing with SQLITE_BUSY_SNAPSHOT.
 *
 * <p>Thread-safe: one connection, used under this object's lock. Trial claims are single
 * {@code UPDATE ... RETURNING} statements inside those IMMEDIATE transactions, so two processes
 * never claim the same trial.
 */
public final class SqliteResultStore implements SweepStore {

    static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final Connection connection;
    /** Sweep and trial persistence, on this connection and through {@link #write}. */
    private final SqliteSweeps sweeps = new SqliteSweeps(this);

    private SqliteResultStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store at {@code file} and brings its schema up to date.
     * Safe when many processes open a new file at once: one applies the migrations, the others
     * wait for it and find the schema current.
     *
     * @throws StoreException when the file is read-only, not a database, from a newer djx, or busy;
     *     in every such case the file is left exactly as it was
     */
    public static SqliteResultStore open(Path file) {
        requireNotDirectory(file);
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.exists(absolute) && readOnly(absolute)) {
            throw new StoreException("results store " + file + " is read-only; make it writable (chmod u+w) or choose another with --store PATH");
        }
        try {
            Files.createDirectories(dir);
        } catch (Exception e) {
            throw new StoreException("cannot create the results store directory " + dir + ": " + describe(e)
                    + "; choose another place with --store PATH");
        }
        if (readOnly(dir)) {
            throw new StoreException("cannot write in " + dir + " (read-only directory), so the results store "
                    + file + " cannot be " + (Files.exists(absolute) ? "updated" : "created") + "; choose another place with --store PATH");
        }
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            Connection connection = null;
            try {
                connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, config().toProperties());
                SqliteResultStore store = new SqliteResultStore(file, connection);
                store.checkVersion(); // before anything writes, so a refused file stays byte for byte the same
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
                store.migrate();
                return store;
            } catch (SQLException e) {
                closeQuietly(connection);
                // Switching a brand-new file to WAL and the first migration need the file to
                // themselves; SQLite does not always wait on its busy handler for them, so wait here.
                if (contended(e) && System.nanoTime() < deadline) {
                    sleepBriefly();
                    continue;
                }
                throw translate(file, "open", e);
            } catch (RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    /** Whether nobody may write {@code path}: honoured even for root, who could write anyway. */
    private static boolean readOnly(Path path) {
        if (!Files.isWritable(path)) {
            return true;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            return !perms.contains(PosixFilePermission.OWNER_WRITE) && !perms.contains(PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return false;
        }
    }

    private static boolean contended(SQLException e) {
        String code = e instanceof SQLiteException se ? se.getResultCode().name() : "";
        return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code.startsWith("SQLITE_PROTOCOL");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5 + ThreadLocalRandom.current().nextInt(45));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the results store");
        }
    }

    /** Refuses a database from a newer djx, or one that is not djx's, without writing to it. */
    private void checkVersion() throws SQLException {
        // One statement, so one snapshot: read apart, another process's first migration could
        // commit in between and make a fresh store look like someone else's database.
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)")) {
            int version = rs.getInt(1);
            if (version > Migrations.latest()) {
                throw new StoreException("results store " + file + " was written by a newer djx (schema version " + version
                        + "; this djx knows up to " + Migrations.latest() + "); upgrade djx or use another --store");
            }
            if (version == 0 && rs.getInt(2) > 0) {
                throw new StoreException("results store " + file + " is a SQLite database but not a djx one; use another --store");
            }
        }
    }

    private void migrate() throws SQLException {
        connection.setAutoCommit(false); // BEGIN IMMEDIATE: one process migrates, the others wait
        try (Statement s = connection.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.getInt(1);
            }
            if (version >= Migrations.latest()) {
                connection.commit();
                return;
            }
            checkVersion();
            for (int v = version; v < Migrations.latest(); v++) {
                for (String sql : Migrations.ALL.get(v)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + Migrations.latest());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one IMMEDIATE transaction; nothing is kept if it fails. */
    synchronized <T> T write(String what, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(file, what, e);
        }
    }

    /** Runs {@code work} under this store's lock, outside any transaction. */
    synchronized <T> T read(String what, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(file, what, e);
        }
    }

    @Override
    public long startRun(NewRun run) {
        return write("start a run", c -> {
            String now = Instant.now().toString();
            long experimentId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO experiments(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING")) {
                ps.setString(1, run.experiment());
                ps.setString(2, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM experiments WHERE name = ?")) {
                ps.setString(1, run.experiment());
                try (ResultSet rs = ps.executeQuery()) {
                    experimentId = rs.getLong(1);
                }
            }
            long runId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO runs(experiment_id, status, created_at, started_at, heartbeat_at, descriptor_hash, descriptor, descriptor_file,"
                            + " sweep_id, trial) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, experimentId);
                ps.setString(2, now);
                ps.setString(3, now);
                ps.setString(4, now);
                ps.setString(5, run.descriptorHash());
                ps.setString(6, run.descriptor());
                ps.setString(7, run.descriptorFile());
                ps.setObject(8, run.sweepId());
                ps.setObject(9, run.trial());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    runId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO params(run_id, key, value_num, value_text) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Object> e : run.params().entrySet()) {
                    ps.setLong(1, runId);
                    ps.setString(2, e.getKey());
                    Object v = e.getValue();
                    if (v instanceof Number n) {
                        ps.setDouble(3, n.doubleValue());
                        ps.setNull(4, java.sql.Types.VARCHAR);
                    } else {
                        ps.setNull(3, java.sql.Types.REAL);
                        ps.setString(4, v == null ? null : v.toString());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insertProvenance(c, runId, run.provenance());
            return runId;
        });
    }

    private static void insertProvenance(Connection c, long runId, Map<String, String> provenance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_provenance(run_id, key, value) VALUES (?, ?, ?)"
                        + " ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> e : provenance.entrySet()) {
                ps.setLong(1, runId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void addProvenance(long runId, Map<String, String> provenance) {
        write("record provenance", c -> {
            insertProvenance(c, runId, provenance);
            return null;
        });
    }

    @Override
    public void recordEpoch(long runId, int epoch, Map<String, Double> metrics) {
        write("record epoch metrics", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO metrics(run_id, epoch, name, value) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Double> e : metrics.entrySet()) {
                    ps.setLong(1, runId);
                    ps.setInt(2, epoch);
                    ps.setString(3, e.getKey());
                    Double v = e.getValue();
                    if (v == null || v.isNaN() || v.isInfinite()) {
                        ps.setNull(4, java.sql.Types.REAL); // SQLite has no NaN; NULL says "no number"
                    } else {
                        ps.setDouble(4, v);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE runs SET epochs = max(epochs, ?), heartbeat_at = ? WHERE id = ?")) {
                ps.setInt(1, epoch);
                ps.setString(2, Instant.now().toString());
                ps.setLong(3, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void heartbeat(long runId) {
        write("write a heartbeat", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET heartbeat_at = ? WHERE id = ? AND status = 'running'")) {
                ps.setString(1, Instant.now().toString());
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void finishRun(long runId, RunStatus status, String error) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("not a final status: " + status);
        }
        write("finish a run", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ?")) {
                ps.setString(1, status.label());
                ps.setString(2, Instant.now().toString());
                ps.setString(3, error);
                ps.setLong(4, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void reopenRun(long runId) {
        write("reopen a run", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE runs SET status = 'running', ended_at = NULL, error = NULL, heartbeat_at = ? WHERE id = ?")) {
                ps.setString(1, Instant.now().toString());
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordArtifact(long runId, String name, String path) {
        write("record an artifact", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO artifacts(run_id, name, path, created_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT(run_id, name) DO UPDATE SET path = excluded.path, created_at = excluded.created_at")) {
                ps.setLong(1, runId);
                ps.setString(2, name);
                ps.setString(3, path);
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<String, String> artifacts(long runId) {
        return read("read artifacts", c -> {
            Map<String, String> artifacts = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, path FROM artifacts WHERE run_id = ? ORDER BY name")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        artifacts.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return artifacts;
        });
    }

    private static final String RUN_COLUMNS =
            "SELECT r.id, e.name, r.status, r.created_at, r.started_at, r.ended_at, r.heartbeat_at,"
                    + " r.descriptor_hash, r.descriptor_file, r.epochs, r.error, r.sweep_id, r.trial FROM runs r JOIN experiments e ON e.id = r.experiment_id";

    @Override
    public Optional<RunRecord> run(long runId) {
        return read("read a run", c -> {
            try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + " WHERE r.id = ?")) {
                ps.setLong(1, runId);
                List<RunRecord> runs = readRuns(c, ps);
                return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
            }
        });
    }

    @Override
    public List<RunRecord> runs(RunFilter filter) {
        return read("list runs", c -> {
            StringBuilder sql = new StringBuilder(RUN_COLUMNS).append(" WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (filter.experiment() != null) {
                sql.append(" AND e.name = ?");
                args.add(filter.experiment());
            }
            if (filter.status() != null) {
                sql.append(" AND r.status = ?");
                args.add(filter.status().label());
            }
            if (filter.sweepId() != null) {
                sql.append(" AND r.sweep_id = ?");
                args.add(filter.sweepId());
            }
            if (filter.where() != null) {
                sql.append(" AND ").append(filter.where().sql());
                args.addAll(filter.where().args());
            }
            if (filter.sort() != null) {
                sql.append(" ORDER BY ").append(filter.sort().orderBy());
                args.addAll(filter.sort().args());
            } else {
                sql.append(" ORDER BY r.id DESC");
            }
            if (filter.limit() > 0) {
                sql.append(" LIMIT ?");
                args.add(filter.limit());
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args);
                return readRuns(c, ps);
            }
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /** The moment before which a heartbeat is stale, as SQLite compares it. */
    private static String staleBefore(Duration age) {
        return Instant.now().minus(age).toString();
    }

    private static final String STALE = " WHERE r.status = 'running'"
            + " AND julianday(coalesce(r.heartbeat_at, r.started_at, r.created_at)) < julianday(?)";

    @Override
    public List<RunRecord> staleRuns(Duration age) {
        return read("look for stale runs", c -> {
            try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + STALE + " ORDER BY r.id")) {
                ps.setString(1, staleBefore(age));
                return readRuns(c, ps);
            }
        });
    }

    @Override
    public List<Long> interruptStaleRuns(Duration age) {
        return write("mark stale runs interrupted", c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'interrupted',"
                    + " ended_at = coalesce(heartbeat_at, started_at, created_at),"
                    + " error = 'no heartbeat since ' || coalesce(heartbeat_at, started_at, created_at)"
                    + " || ': its process died without finishing the run' WHERE id IN (SELECT r.id FROM runs r" + STALE + ") RETURNING id")) {
                ps.setString(1, staleBefore(age));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            ids.sort(null); // RETURNING promises no order
            return List.copyOf(ids);
        });
    }

    @Override
    public int deleteRuns(Collection<Long> runIds) {
        return write("delete runs", c -> {
            int deleted = 0;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE id = ? AND status <> 'running'")) {
                for (long id : runIds) {
                    ps.setLong(1, id);
                    deleted += ps.executeUpdate();
                }
            }
            return deleted;
        });
    }

    @Override
    public void backup(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new StoreException("backup target " + target + " already exists; choose a new file name");
        }
        if (absolute.getParent() == null || !Files.isDirectory(absolute.getParent())) {
            throw new StoreException("backup target directory " + absolute.getParent() + " does not exist");
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            synchronized (this) {
                // All pages in one step: the copy reads one snapshot while writers go on (WAL).
                int rc = ((SQLiteConnection) connection).getDatabase().backup("main", partial.toString(), null, 100, 300, -1);
                if (rc != 0) {
                    throw new StoreException("backup of " + file + " to " + target + " failed (SQLite result " + rc + ")");
                }
            }
            try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + partial);
                    Statement s = copy.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String verdict = rs.getString(1);
                if (!"ok".equals(verdict)) {
                    throw new StoreException("backup copy " + target + " failed its integrity check: " + verdict);
                }
            }
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw translate(file, "back up", e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot write backup " + target + ": " + describe(e), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (java.io.IOException ignored) {
                // best effort: a leftover .partial file is harmless and named as such
            }
        }
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        return query(file, sql, maxRows);
    }

    /**
     * {@link #query(String, int)} on the store at {@code file} without opening it for writing
     * (no migration, no stale-run marking): works on a read-only file too.
     */
    public static QueryResult query(Path file, String sql, int maxRows) {
        ReadOnlySql.check(sql);
        requireNotDirectory(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true); // SQLITE_OPEN_READONLY
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                List<String> columns = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    columns.add(rs.getMetaData().getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (maxRows > 0 && rows.size() == maxRows) {
                        truncated = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof Integer k ? (Object) k.longValue() : v);
                    }
                    rows.add(java.util.Collections.unmodifiableList(row));
                }
                return new QueryResult(List.copyOf(columns), List.copyOf(rows), truncated);
            }
        } catch (SQLException e) {
            String code = e instanceof SQLiteException se ? se.getResultCode().name() : "";
            if (code.startsWith("SQLITE_READONLY")) {
                throw new StoreException("query refused: it would change the store; djx query only reads", e);
            }
            if (code.startsWith("SQLITE_ERROR")) {
                throw new StoreException("query: " + e.getMessage().replaceFirst("^\\[SQLITE_ERROR\\] SQL error or missing database ", ""), e);
            }
            throw translate(file, "run the query", e);
        }
    }

    private static List<RunRecord> readRuns(Connection c, PreparedStatement ps) throws SQLException {
        List<RunRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RunRecord(rs.getLong(1), rs.getString(2), RunStatus.fromLabel(rs.getString(3)),
                        instant(rs.getString(4)), instant(rs.getString(5)), instant(rs.getString(6)), instant(rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11), Map.of(),
                        rs.getObject(12) == null ? null : rs.getLong(12), rs.getObject(13) == null ? null : rs.getInt(13)));
            }
        }
        Map<Long, Map<String, String>> provenance = new LinkedHashMap<>();
        forRuns(c, "SELECT run_id, key, value FROM run_provenance WHERE run_id IN (%s)",
                out.stream().map(RunRecord::id).toList(),
                rs -> provenance.computeIfAbsent(rs.getLong(1), id -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getString(3)));
        List<RunRecord> withProvenance = new ArrayList<>(out.size());
        for (RunRecord r : out) {
            withProvenance.add(new RunRecord(r.id(), r.experiment(), r.status(), r.createdAt(), r.startedAt(), r.endedAt(),
                    r.heartbeatAt(), r.descriptorHash(), r.descriptorFile(), r.epochs(), r.error(),
                    Map.copyOf(provenance.getOrDefault(r.id(), Map.of())), r.sweepId(), r.trial()));
        }
        return withProvenance;
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    @Override
    public Map<Long, Map<String, Object>> params(Collection<Long> runIds) {
        return read("read params", c -> {
            Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
            forRuns(c, "SELECT run_id, key, value_num, value_text FROM params WHERE run_id IN (%s)", runIds, rs -> putParam(out, rs));
            return out;
        });
    }

    @Override
    public Map<Long, List<MetricRecord>> metrics(Collection<Long> runIds) {
        return read("read metrics", c -> {
            Map<Long, List<MetricRecord>> out = new LinkedHashMap<>();
            forRuns(c, "SELECT run_id, epoch, name, value FROM metrics WHERE run_id IN (%s)", runIds, rs -> {
                long runId = rs.getLong(1);
                Object v = rs.getObject(4);
                out.computeIfAbsent(runId, id -> new ArrayList<>())
                        .add(new MetricRecord(runId, rs.getInt(2), rs.getString(3), v == null ? Double.NaN : ((Number) v).doubleValue()));
            });
            // Sorted here, not in SQL: an ORDER BY can make SQLite walk a whole table instead of the ids' rows.
            out.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(MetricRecord::epoch).thenComparing(MetricRecord::name)));
            return out;
        });
    }

    @Override
    public Map<Long, Map<String, MetricSummary>> metricSummaries(Collection<Long> runIds) {
        return read("summarise metrics", c -> {
            Map<Long, Map<String, MetricSummary>> out = new LinkedHashMap<>();
            forRuns(c, """
                    SELECT m.run_id, m.name, min(m.value), max(m.value),
                           (SELECT l.value FROM metrics l WHERE l.run_id = m.run_id AND l.name = m.name ORDER BY l.epoch DESC LIMIT 1)
                    FROM metrics m WHERE m.run_id IN (%s) GROUP BY m.run_id, m.name""", runIds, rs -> {
                out.computeIfAbsent(rs.getLong(1), id -> new java.util.TreeMap<>())
                        .put(rs.getString(2), new MetricSummary(number(rs.getObject(5)), number(rs.getObject(3)), number(rs.getObject(4))));
            });
            return out;
        });
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    /** Adds a {@code run_id, key, value_num, value_text} row to {@code out}: the number if there is one, else the text. */
    private static void putParam(Map<Long, Map<String, Object>> out, ResultSet rs) throws SQLException {
        // getObject, not getDouble + wasNull: sqlite-jdbc's wasNull misreports after getDouble
        Object num = rs.getObject(3);
        out.computeIfAbsent(rs.getLong(1), id -> new java.util.TreeMap<>())
                .put(rs.getString(2), num == null ? rs.getString(4) : (Object) ((Number) num).doubleValue());
    }

    @Override
    public Map<Long, Map<String, Object>> params(Collection<Long> runIds, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return read("read params", c -> {
            Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
            forRuns(c, "SELECT run_id, key, value_num, value_text FROM params WHERE run_id IN (%s) AND key IN ("
                    + String.join(",", Collections.nCopies(keys.size(), "?")) + ")", runIds, List.copyOf(keys), rs -> putParam(out, rs));
            return out;
        });
    }

    @Override
    public List<String> differingParamKeys(Collection<Long> runIds) {
        return read("compare params", c -> {
            // Per key: how many runs have it and its distinct values, chunk by chunk, merged here.
            Map<String, long[]> counts = new java.util.TreeMap<>();
            Map<String, Set<Object>> values = new java.util.HashMap<>();
            forRuns(c, """
                    SELECT key, count(*), count(DISTINCT coalesce(value_num, value_text)), min(coalesce(value_num, value_text))
                    FROM params WHERE run_id IN (%s) GROUP BY key""", runIds, rs -> {
                String key = rs.getString(1);
                counts.computeIfAbsent(key, k -> new long[2])[0] += rs.getLong(2);
                if (rs.getLong(3) > 1) {
                    counts.get(key)[1] = 1; // differs within a chunk
                }
                Set<Object> seen = values.computeIfAbsent(key, k -> new java.util.HashSet<>());
                Object v = rs.getObject(4);
                seen.add(v instanceof Number n ? (Object) n.doubleValue() : v);
            });
            List<String> out = new ArrayList<>();
            counts.forEach((key, n) -> {
                if (n[0] < runIds.size() || n[1] == 1 || values.get(key).size() > 1) {
                    out.add(key);
                }
            });
            return out;
        });
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql}, whose {@code IN (%s)} takes run ids, over {@code runIds} in chunks (SQLite
     * limits bound parameters), handing every row to {@code row}: a few queries for thousands of runs.
     */
    private static void forRuns(Connection c, String sql, Collection<Long> runIds, Row row) throws SQLException {
        forRuns(c, sql, runIds, List.of(), row);
    }

    /** As above, binding {@code more} after the run ids of each chunk. */
    private static void forRuns(Connection c, String sql, Collection<Long> runIds, List<?> more, Row row) throws SQLException {
        List<Long> ids = new ArrayList<>(runIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement(sql.formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                for (int i = 0; i < more.size(); i++) {
                    ps.setObject(chunk.size() + i + 1, more.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            }
        }
    }

    // ---- sweeps: kept in SqliteSweeps, on this store's connection and transactions ------------

    @Override
    public long createSweep(NewSweep sweep) {
        return sweeps.createSweep(sweep);
    }

    @Override
    public Optional<SweepRecord> sweep(long sweepId) {
        return sweeps.sweep(sweepId);
    }

    @Override
    public Optional<SweepRecord> latestSweep(String experiment) {
        return sweeps.latestSweep(experiment);
    }

    @Override
    public int addTrials(long sweepId, List<Map<String, Object>> overrides) {
        return sweeps.addTrials(sweepId, overrides);
    }

    @Override
    public Optional<TrialRecord> claimTrial(long sweepId, String worker) {
        return sweeps.claimTrial(sweepId, worker);
    }

    @Override
    public void attachRun(long sweepId, int trial, long runId) {
        sweeps.attachRun(sweepId, trial, runId);
    }

    @Override
    public void trialHeartbeat(long sweepId, int trial, String worker) {
        sweeps.trialHeartbeat(sweepId, trial, worker);
    }

    @Override
    public boolean finishTrial(long sweepId, int trial, String worker, RunStatus status, String error) {
        return sweeps.finishTrial(sweepId, trial, worker, status, error);
    }

    @Override
    public boolean interruptTrial(long sweepId, int trial, String worker, String reason) {
        return sweeps.interruptTrial(sweepId, trial, worker, reason);
    }

    @Override
    public int requeueForRetry(long sweepId, int maxRetries, Set<RunStatus> statuses) {
        return sweeps.requeueForRetry(sweepId, maxRetries, statuses);
    }

    @Override
    public List<TrialRecord> trials(long sweepId) {
        return sweeps.trials(sweepId);
    }

    @Override
    public Optional<TrialRecord> trial(long sweepId, int number) {
        return sweeps.trial(sweepId, number);
    }

    @Override
    public List<TrialMetric> metricAt(long sweepId, String metric, int epoch) {
        return sweeps.metricAt(sweepId, metric, epoch);
    }

    @Override
    public void setSweepStatus(long sweepId, String status) {
        sweeps.setSweepStatus(sweepId, status);
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to save
            }
        }
    }

    /** SQLite reports a directory as a permission or I/O error; say what is wrong instead. */
    private static void requireNotDirectory(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException("results store " + file + " is a directory; pass a file, e.g. --store " + file.resolve("djx.db"));
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Turns SQLite's errors into messages that say which file and what to do. */
    static StoreException translate(Path file, String what, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String base = code == null ? "" : code.name();
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            return new StoreException("results store " + file + " stayed busy for " + BUSY_TIMEOUT_MS / 1000
                    + " s while trying to " + what + " (another process holds it); try again", e);
        }
        if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_CANTOPEN") || base.startsWith("SQLITE_PERM")) {
            return new StoreException("results store " + file + " cannot be written (" + base + "); check its permissions or use --store PATH", e);
        }
        if (base.startsWith("SQLITE_NOTADB") || base.startsWith("SQLITE_CORRUPT")) {
            return new StoreException("results store " + file + " is not a readable SQLite database (corrupt or another kind of file); move it aside or use --store PATH", e);
        }
        if (base.startsWith("SQLITE_FULL")) {
            return new StoreException("the disk holding results store " + file + " is full", e);
        }
        return new StoreException("results store " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
