package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.OptimizerPluginContract;

class AdamWPluginTest extends OptimizerPluginContract {

    @Override
    protected String type() {
        return "adamw";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("weight_decay", 0.05);
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("beta1", Map.of("beta1", -0.5));
    }
}
