package com.example.squeezeexcite;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.plugin.ShapeException;
import org.djx.plugin.testing.LayerPluginContract;
import org.junit.jupiter.api.Test;

class SqueezeExcitePluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "squeeze-excite";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(8, 5, 5);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("ratio", 4);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of(), Map.of("ratio", 16)); // ratio above the channel count still leaves one hidden unit
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("ratio", Map.of("ratio", 0));
    }

    @Test
    void refusesInputsThatAreNotImages() {
        ShapeException e = assertThrows(ShapeException.class, () -> plugin().outputShape(params(), new Shape(10)));
        assertTrue(e.getMessage().contains("(channels, height, width)"), e.getMessage());
    }
}
