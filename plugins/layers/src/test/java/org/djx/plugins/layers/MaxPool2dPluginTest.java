package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class MaxPool2dPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "maxpool2d";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(2, 6, 6);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("size", 2);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("size", 3, "stride", 1, "padding", 1), Map.of("size", List.of(2, 3)));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("size", Map.of("size", 0), "padding", Map.of("padding", -1));
    }
}
