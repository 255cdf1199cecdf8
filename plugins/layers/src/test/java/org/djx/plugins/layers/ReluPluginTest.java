package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class ReluPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "relu";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(2, 3);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("alpha", Map.of("alpha", 0.1));
    }
}
