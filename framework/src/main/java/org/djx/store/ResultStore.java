package org.djx.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where runs, their hyperparameters and their metrics are kept. The narrow interface keeps
 * SQLite an implementation detail: a server-backed store can serve many machines later.
 *
 * <p>Implementations are safe to use from several threads and several processes at once. Every
 * method either completes or changes nothing; failures are {@link StoreException}s with a message
 * fit for the user.
 */
public interface ResultStore extends AutoCloseable {

    /** Records a new run in status {@code running}, with its params; returns its id. */
    long startRun(NewRun run);

    /** Stores one epoch's metrics of a running run in one transaction, and refreshes its heartbeat. */
    void recordEpoch(long runId, int epoch, Map<String, Double> metrics);

    /** Tells the store the run's process is still alive. */
    void heartbeat(long runId);

    /** Ends a run; {@code error} explains a failed or interrupted one, else {@code null}. */
    void finishRun(long runId, RunStatus status, String error);

    /** Adds provenance learnt after the run started (e.g. the device actually used). */
    void addProvenance(long runId, Map<String, String> provenance);

    /**
     * Puts an interrupted or failed run back to {@code running} to resume it: clears its end time
     * and error and refreshes its heartbeat. Its params, metrics and artifacts stay.
     */
    void reopenRun(long runId);

    /** Records (or replaces) a file the run produced, e.g. a checkpoint, under a short name. */
    void recordArtifact(long runId, String name, String path);

    /** The run's artifacts: name to path, in name order. */
    Map<String, String> artifacts(long runId);

    Optional<RunRecord> run(long runId);

    /** Runs matching the filter, newest first. */
    List<RunRecord> runs(RunFilter filter);

    /** The run's flattened effective hyperparameters: numbers as {@link Double}, else strings. */
    default Map<String, Object> params(long runId) {
        return params(List.of(runId)).getOrDefault(runId, Map.of());
    }

    /** {@link #params(long)} of many runs at once (one query per few hundred runs): run id to params. */
    Map<Long, Map<String, Object>> params(Collection<Long> runIds);

    /** Every metric of a run, by epoch then name. */
    default List<MetricRecord> metrics(long runId) {
        return metrics(List.of(runId)).getOrDefault(runId, List.of());
    }

    /** {@link #metrics(long)} of many runs at once: run id to its metrics, by epoch then name. */
    Map<Long, List<MetricRecord>> metrics(Collection<Long> runIds);

    /**
     * The last, smallest and largest value of every metric of many runs, computed by the store:
     * what a listing needs, without reading every epoch. Run id to metric name to summary.
     */
    Map<Long, Map<String, MetricSummary>> metricSummaries(Collection<Long> runIds);

    /** Only the given params of many runs (see {@link #params(Collection)}). */
    Map<Long, Map<String, Object>> params(Collection<Long> runIds, Collection<String> keys);

    /** The param keys whose values are not all the same across these runs (absent counts as a value). */
    List<String> differingParamKeys(Collection<Long> runIds);

    /**
     * Runs still marked {@code running} whose heartbeat is older than {@code age}: their process
     * died without saying so (kill -9, power loss). A live run beats every few seconds.
     */
    List<RunRecord> staleRuns(Duration age);

    /**
     * Marks every {@link #staleRuns stale run} {@code interrupted}, ended at its last heartbeat;
     * returns their ids. Atomic: a run that beats meanwhile is left alone.
     */
    List<Long> interruptStaleRuns(Duration age);

    /**
     * Deletes the given runs with their params, metrics, provenance and artifacts, in one
     * transaction. Runs still {@code running} are kept (their worker would fail). Returns how many were deleted.
     */
    int deleteRuns(Collection<Long> runIds);

    /**
     * Writes a consistent copy of the whole store to {@code target} (which must not exist yet)
     * while other processes keep writing; the copy is checked before it appears under its name.
     */
    void backup(Path target);

    /**
     * Runs one read-only SQL statement (a single SELECT or WITH) over the tables and views, on a
     * connection that cannot write; anything else is refused with a {@link StoreException}.
     *
     * @param maxRows the most rows to return; 0 for all
     */
    QueryResult query(String sql, int maxRows);

    @Override
    void close();
}
