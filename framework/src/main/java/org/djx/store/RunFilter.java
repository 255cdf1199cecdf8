package org.djx.store;

import org.djx.store.query.Sort;
import org.djx.store.query.Where;

/**
 * Which runs to list and in which order; {@code null} fields do not filter.
 *
 * @param sweepId only trials of this sweep
 * @param where a parsed {@code --where} expression
 * @param sort the order; {@code null} for newest first
 * @param limit the most rows to return; 0 for all
 */
public record RunFilter(String experiment, RunStatus status, Long sweepId, Where where, Sort sort, int limit) {

    public RunFilter(String experiment, RunStatus status, int limit) {
        this(experiment, status, null, null, null, limit);
    }

    public static RunFilter all() {
        return new RunFilter(null, null, 0);
    }
}
