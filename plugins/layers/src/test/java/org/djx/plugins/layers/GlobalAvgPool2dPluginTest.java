package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class GlobalAvgPool2dPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "global-avgpool2d";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(3, 4, 5);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("size", Map.of("size", 2));
    }
}
