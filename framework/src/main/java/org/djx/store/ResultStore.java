package org.djx.store;

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
    Map<String, Object> params(long runId);

    /** Every metric of a run, by epoch then name. */
    List<MetricRecord> metrics(long runId);

    @Override
    void close();
}
