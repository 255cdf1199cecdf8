package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class DropoutPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "dropout";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(2, 4, 4);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("rate", 0.4);
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("rate", Map.of("rate", 1.0));
    }
}
