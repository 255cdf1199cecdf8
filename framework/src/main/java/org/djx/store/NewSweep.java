package org.djx.store;

import java.util.List;
import java.util.Map;

/**
 * A sweep about to be recorded.
 *
 * @param experiment the base experiment's name
 * @param descriptorHash hash of the base effective descriptor (the sweep section included): a
 *     sweep is resumed only from the same descriptor
 * @param descriptor the base effective descriptor, canonical JSON
 * @param descriptorFile the descriptor file workers load
 * @param overrides {@code --set} overrides applied to the file before each trial's own
 * @param strategy grid or random
 * @param maximize whether a higher {@code objectiveMetric} is better
 * @param trials the first trials: for each, descriptor path -> value
 */
public record NewSweep(
        String experiment,
        String descriptorHash,
        String descriptor,
        String descriptorFile,
        List<String> overrides,
        String strategy,
        String objectiveMetric,
        boolean maximize,
        int maxRetries,
        List<Map<String, Object>> trials) {}
