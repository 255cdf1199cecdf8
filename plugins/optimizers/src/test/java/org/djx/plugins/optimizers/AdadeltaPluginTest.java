package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.OptimizerPluginContract;

class AdadeltaPluginTest extends OptimizerPluginContract {

    @Override
    protected String type() {
        return "adadelta";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("rho", 0.9);
    }

    /** Adadelta has no learning rate and starts with tiny steps; give it more of them. */
    @Override
    protected int steps() {
        return 50;
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("rho", Map.of("rho", 1));
    }
}
