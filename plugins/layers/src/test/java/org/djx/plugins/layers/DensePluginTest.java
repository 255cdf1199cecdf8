package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class DensePluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "dense";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(6);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("units", 3);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("units", 1, "bias", false));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("units", Map.of("units", 0), "bias", Map.of("units", 3, "bias", 1));
    }
}
