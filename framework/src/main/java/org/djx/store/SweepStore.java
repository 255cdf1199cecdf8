package org.djx.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the results store that sweeps use: sweeps, their trials, and the claims that let
 * several worker processes share one queue of trials.
 *
 * <p>A trial moves queued -> running (claimed by one worker) -> completed | failed | pruned |
 * interrupted, and back to queued when it is retried. Claims are atomic across processes: a
 * queued trial is handed to exactly one worker. As for {@link ResultStore}, implementations are
 * safe to use from several threads and processes, and each method completes or changes nothing.
 */
public interface SweepStore extends ResultStore {

    /** Records a sweep in status {@code running} with its first trials (numbered from 0), queued; returns its id. */
    long createSweep(NewSweep sweep);

    Optional<SweepRecord> sweep(long sweepId);

    /** The newest sweep of an experiment, if any. */
    Optional<SweepRecord> latestSweep(String experiment);

    /** Queues more trials, numbered after the sweep's last one; returns how many were added. */
    int addTrials(long sweepId, List<Map<String, Object>> overrides);

    /**
     * Hands the queued trial with the lowest number to {@code worker}: it becomes running, its
     * attempts go up by one and its heartbeat starts. Empty when no trial is queued.
     */
    Optional<TrialRecord> claimTrial(long sweepId, String worker);

    /** Ties a running trial to the run that trains it. */
    void attachRun(long sweepId, int trial, long runId);

    /** Tells the store that {@code worker} is still working on the trial. */
    void trialHeartbeat(long sweepId, int trial, String worker);

    /**
     * Ends a trial that {@code worker} holds; {@code error} explains a failure. Returns false, and
     * changes nothing, when the trial is no longer running for that worker (it was declared dead).
     */
    boolean finishTrial(long sweepId, int trial, String worker, RunStatus status, String error);

    /**
     * Marks a running trial whose worker is gone as interrupted, and its run too. Returns false
     * when the trial is no longer running for that worker.
     */
    boolean interruptTrial(long sweepId, int trial, String worker, String reason);

    /**
     * Queues again the trials in one of {@code statuses} (failed, interrupted) that were tried at
     * most {@code maxRetries} times, i.e. that have a retry left; returns how many.
     */
    int requeueForRetry(long sweepId, int maxRetries, Set<RunStatus> statuses);

    /** Every trial of the sweep, by number, with its objective value when it has one. */
    List<TrialRecord> trials(long sweepId);

    /** One trial of the sweep, as {@link #trials} gives it; empty when the sweep has no such trial. */
    Optional<TrialRecord> trial(long sweepId, int number);

    /** The value of {@code metric} at {@code epoch} of every trial of the sweep that reached that epoch. */
    List<TrialMetric> metricAt(long sweepId, String metric, int epoch);

    /** Sets the sweep's status: {@code running} or {@code completed}. */
    void setSweepStatus(long sweepId, String status);

    /** One trial's value of a metric at one epoch. */
    record TrialMetric(int trial, RunStatus status, double value) {}
}
