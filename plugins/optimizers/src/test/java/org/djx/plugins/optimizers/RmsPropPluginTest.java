package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.OptimizerPluginContract;

class RmsPropPluginTest extends OptimizerPluginContract {

    @Override
    protected String type() {
        return "rmsprop";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("centered", true, "rho", 0.95));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("rho", Map.of("rho", 1.5), "centered", Map.of("centered", "no"));
    }
}
