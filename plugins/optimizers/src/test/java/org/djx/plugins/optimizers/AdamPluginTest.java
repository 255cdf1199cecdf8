package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.OptimizerPluginContract;

class AdamPluginTest extends OptimizerPluginContract {

    @Override
    protected String type() {
        return "adam";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("beta1", 0.8, "weight_decay", 1e-4));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("beta2", Map.of("beta2", 1), "epsilon", Map.of("epsilon", "tiny"));
    }
}
