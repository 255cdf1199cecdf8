package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.OptimizerPluginContract;

class NagPluginTest extends OptimizerPluginContract {

    @Override
    protected String type() {
        return "nag";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("momentum", 0.9);
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("momentum", Map.of("momentum", 0));
    }
}
