package org.djx.plugins.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.Problem;
import org.djx.plugin.testing.LayerPluginContract;
import org.junit.jupiter.api.Test;

class Conv2dPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "conv2d";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(2, 6, 6);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("filters", 4, "kernel", 3);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(
                Map.of("filters", 4, "kernel", 3, "padding", "same"),
                Map.of("filters", 4, "kernel", List.of(3, 1), "stride", 2, "padding", 1),
                Map.of("filters", 4, "kernel", 3, "dilation", 2, "padding", "same", "bias", false),
                Map.of("filters", 4, "kernel", 1, "groups", 2));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of(
                "filters", Map.of("filters", 3, "kernel", 1, "groups", 2),
                "kernel", Map.of("filters", 4),
                "padding", Map.of("filters", 4, "kernel", 2, "padding", "same"),
                "groups", Map.of("filters", 4, "kernel", 1, "groups", 0),
                "stride", Map.of("filters", 4, "kernel", 3, "stride", "two"),
                "dilation", Map.of("filters", 4, "kernel", 3, "dilation", 4_000_000_000L));
    }

    @Test
    void anIntegerTooLargeForAnIntIsAProblemNotAnInternalError() {
        List<Problem> problems = problemsFor(Map.of("filters", 4_000_000_000L, "kernel", 3));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("plugin.filters", problems.get(0).path());
        assertEquals("must be at most 2147483647, got 4000000000", problems.get(0).message());
    }
}
