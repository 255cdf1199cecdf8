package org.djx.sweep;

import java.util.Map;
import org.djx.store.RunStatus;

/** What a sweep worker tells whoever watches it; the CLI prints it. Calls come from the worker's thread. */
public interface SweepListener {

    /** A trial was claimed and is about to be planned and trained. */
    default void trialStarted(int trial, Map<String, Object> overrides, int attempt) {}

    /**
     * A trial ended.
     *
     * @param objective its best objective value, or {@code null}
     * @param epochs epochs it trained (where a pruned trial stopped)
     */
    default void trialFinished(int trial, RunStatus status, Double objective, int epochs, String error) {}

    SweepListener SILENT = new SweepListener() {};
}
