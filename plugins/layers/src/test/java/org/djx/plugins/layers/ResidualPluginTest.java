package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LayerPluginContract;

class ResidualPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "residual";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(2, 6, 6);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("layers", List.of(
                Map.of("type", "conv2d", "filters", 2, "kernel", 3, "padding", "same"),
                Map.of("type", "batchnorm"),
                Map.of("type", "relu")));
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(
                Map.of("projection", true, "layers", List.of(Map.of("type", "conv2d", "filters", 4, "kernel", 3, "stride", 2, "padding", 1))),
                Map.of("projection", true, "layers", List.of(Map.of("type", "conv2d", "filters", 3, "kernel", 3, "padding", "same"))));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of(
                "layers", Map.of("layers", List.of()),
                "layers[0].type", Map.of("layers", List.of(Map.of("type", "conv2"))),
                "layers[0].units", Map.of("layers", List.of(Map.of("type", "dense", "units", 0))),
                "projection", Map.of("projection", "yes", "layers", List.of(Map.of("type", "relu"))));
    }
}
