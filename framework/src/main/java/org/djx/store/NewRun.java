package org.djx.store;

import java.util.Map;

/**
 * What is known about a run when it starts.
 *
 * @param experiment the experiment's name
 * @param descriptorHash stable hash of the effective descriptor
 * @param descriptor the effective descriptor, canonical JSON
 * @param descriptorFile the file it was loaded from
 * @param params the flattened effective descriptor: path to number, string or boolean
 * @param provenance engine, versions, device, host and the like: name to text
 * @param sweepId the sweep this run is a trial of, or {@code null}
 * @param trial the trial's number within that sweep, or {@code null}
 */
public record NewRun(
        String experiment,
        String descriptorHash,
        String descriptor,
        String descriptorFile,
        Map<String, Object> params,
        Map<String, String> provenance,
        Long sweepId,
        Integer trial) {

    /** A run that belongs to no sweep. */
    public NewRun(String experiment, String descriptorHash, String descriptor, String descriptorFile,
            Map<String, Object> params, Map<String, String> provenance) {
        this(experiment, descriptorHash, descriptor, descriptorFile, params, provenance, null, null);
    }
}
