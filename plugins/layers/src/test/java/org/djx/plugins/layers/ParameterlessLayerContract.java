package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

/** The contract for element-wise layers that take no parameters: any parameter given is refused by name. */
abstract class ParameterlessLayerContract extends LayerPluginContract {

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
        return Map.of("alpha", Map.of("alpha", 1));
    }
}
