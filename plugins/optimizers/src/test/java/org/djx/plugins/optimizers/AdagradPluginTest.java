package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.OptimizerPluginContract;

class AdagradPluginTest extends OptimizerPluginContract {

    @Override
    protected String type() {
        return "adagrad";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("epsilon", Map.of("epsilon", -1));
    }
}
