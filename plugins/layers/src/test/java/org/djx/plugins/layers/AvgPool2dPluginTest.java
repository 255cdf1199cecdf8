package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class AvgPool2dPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "avgpool2d";
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
        return List.of(Map.of("size", 3, "stride", 2, "padding", 1, "count_padding", false));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("stride", Map.of("stride", 0), "count_padding", Map.of("count_padding", "yes"));
    }
}
