package org.djx.plugins.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.Problem;
import org.djx.plugin.testing.LayerPluginContract;
import org.junit.jupiter.api.Test;

class BatchNormPluginTest extends LayerPluginContract {

    @Override
    protected String type() {
        return "batchnorm";
    }

    @Override
    protected Shape inputShape() {
        return new Shape(3, 4, 4);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("momentum", 0.5, "center", false));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("momentum", Map.of("momentum", 1), "epsilon", Map.of("epsilon", -1));
    }

    @Test
    void anInfiniteValueOutOfRangeIsPrintedAsInfinity() {
        List<Problem> problems = problemsFor(Map.of("momentum", Double.POSITIVE_INFINITY));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("must be in [0, 1), got Infinity", problems.get(0).message());
    }
}
