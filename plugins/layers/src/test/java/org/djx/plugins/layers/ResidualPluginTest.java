package org.djx.plugins.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.Problem;
import org.djx.plugin.Params;
import org.djx.plugin.testing.LayerPluginContract;
import org.junit.jupiter.api.Test;

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

    @Test
    void changingTheShapeWithoutProjectionIsRejected() {
        List<Problem> problems = problemsFor(Map.of("layers", List.of(Map.of("type", "conv2d", "filters", 4, "kernel", 3))));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("must keep the shape, or set 'projection: true'"), problems.toString());
    }

    @Test
    void vectorsAreProjectedWithADenseShortcut() {
        Params params = params(Map.of("projection", true, "layers", List.of(Map.of("type", "dense", "units", 3))));
        assertEquals(new Shape(3), plugin().outputShape(params, new Shape(5)));
        Block block = plugin().build(params, new Shape(5));
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 5));
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(manager.ones(new Shape(2, 5))), false);
            assertEquals(new Shape(2, 3), out.singletonOrThrow().getShape());
        }
    }
}
