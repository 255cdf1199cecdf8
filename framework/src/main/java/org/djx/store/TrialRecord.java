package org.djx.store;

import java.time.Instant;
import java.util.Map;

/**
 * A stored trial of a sweep, as read back.
 *
 * @param number the trial's number within its sweep, from 0
 * @param overrides descriptor path -> value, applied over the sweep's base descriptor
 * @param runId the run of its latest attempt, or {@code null} before one started
 * @param attempts how often it was claimed
 * @param worker who holds or last held it ({@code host:pid})
 * @param epochs epochs its latest run recorded (where a pruned trial stopped)
 * @param objective the best value of the sweep's objective over those epochs, or {@code null}
 * @param testAccuracy its latest run's {@code test_accuracy} on the held-out test part (recorded
 *     when a trial finishes with {@code dataset.split.from: train}), or {@code null}
 */
public record TrialRecord(
        long sweepId,
        int number,
        Map<String, Object> overrides,
        RunStatus status,
        Long runId,
        int attempts,
        String worker,
        Instant claimedAt,
        Instant heartbeatAt,
        String error,
        int epochs,
        Double objective,
        Double testAccuracy) {}
