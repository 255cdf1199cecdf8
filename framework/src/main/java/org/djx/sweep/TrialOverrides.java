package org.djx.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trial's descriptor is the sweep's base descriptor plus one {@code --set} override per swept
 * parameter. Values are written as JSON, which is YAML, so they come back with the same types.
 */
final class TrialOverrides {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialOverrides() {}

    static List<String> of(List<String> base, Map<String, Object> trial) {
        List<String> out = new ArrayList<>(base);
        trial.forEach((path, value) -> {
            try {
                out.add(path + "=" + JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write " + value + " as YAML", e);
            }
        });
        return out;
    }
}
