package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.OptimizerPluginContract;

class SgdPluginTest extends OptimizerPluginContract {

    @Override
    protected String type() {
        return "sgd";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("momentum", 0.9, "weight_decay", 1e-4);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of(), Map.of("clip_grad", 1.0));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("momentum", Map.of("momentum", 1.0), "weight_decay", Map.of("weight_decay", -0.1), "nesterov", Map.of("nesterov", true));
    }
}
