package org.djx.training;

import java.util.Map;

/**
 * Decides after each evaluation whether a run goes on. Early stopping and sweep pruners are
 * verdicts; the runner asks every verdict it was given, in order, and the first that stops wins.
 */
@FunctionalInterface
public interface EpochVerdict {

    /** What to do next. */
    enum Decision {
        /** Keep training. */
        CONTINUE,
        /** Stop and record the run as completed (e.g. early stopping: it converged). */
        STOP,
        /** Stop and record the run as pruned (a sweep gave up on it). */
        PRUNE
    }

    /**
     * @param epoch the evaluation just finished (1-based)
     * @param metrics its metrics, as stored
     */
    Decision after(int epoch, Map<String, Double> metrics);
}
