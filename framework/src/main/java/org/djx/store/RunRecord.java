package org.djx.store;

import java.time.Instant;
import java.util.Map;

/**
 * A stored run, as read back. Times are {@code null} until they happen.
 *
 * @param epochs how many epochs have their metrics stored
 * @param provenance engine, versions, device, host, ...
 * @param sweepId the sweep this run is a trial of, or {@code null}
 * @param trial the trial's number within that sweep, or {@code null}
 */
public record RunRecord(
        long id,
        String experiment,
        RunStatus status,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Instant heartbeatAt,
        String descriptorHash,
        String descriptorFile,
        int epochs,
        String error,
        Map<String, String> provenance,
        Long sweepId,
        Integer trial) {}
