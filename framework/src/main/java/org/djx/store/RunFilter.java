package org.djx.store;

/**
 * Which runs to list; {@code null} fields do not filter.
 *
 * @param limit the most rows to return, newest first; 0 for all
 */
public record RunFilter(String experiment, RunStatus status, int limit) {

    public static RunFilter all() {
        return new RunFilter(null, null, 0);
    }
}
