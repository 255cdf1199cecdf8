package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class LayerNormPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "layernorm";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(3, 4, 4);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("scale", false, "epsilon", 1e-3));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("epsilon", Map.of("epsilon", "small"));
    }
}
