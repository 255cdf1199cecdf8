package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class SwishPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "swish";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(2, 3);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("beta", 1.5);
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("beta", Map.of("beta", true));
    }
}
