package org.djx.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored sweep, as read back.
 *
 * @param status {@code running} while trials remain, {@code completed} once none is queued or running
 */
public record SweepRecord(
        long id,
        String experiment,
        String descriptorHash,
        String descriptorFile,
        List<String> overrides,
        String strategy,
        String objectiveMetric,
        boolean maximize,
        int maxRetries,
        Instant createdAt,
        String status) {}
