package org.djx.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.PluginSpec;
import org.djx.descriptor.Problem;
import org.djx.descriptor.SourceMap;
import org.djx.model.ModelPlanner;
import org.djx.plugin.LayerInstance;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.Params;
import org.djx.plugin.PluginKind;
import org.djx.plugin.internal.PluginResolver;
import org.junit.jupiter.api.Test;

/**
 * The contract every layer plugin's test extends:
 *
 * <pre>{@code
 * class SqueezeExcitePluginTest extends LayerPluginContract {
 *     protected String type() { return "squeeze-excite"; }
 *     protected Map<String, Object> validParams() { return Map.of("ratio", 4); }
 *     protected Shape inputShape() { return new Shape(8, 5, 5); }
 *     protected Map<String, Map<String, Object>> badParams() { return Map.of("ratio", Map.of("ratio", 0)); }
 * }
 * }</pre>
 *
 * <p>It checks that the block builds from its parameters; that the output shape the plugin
 * declares equals a real forward pass (training and inference) and DJL's own
 * {@code getOutputShapes}; that parameters survive {@code saveParameters}/{@code loadParameters}
 * with identical outputs; and that bad parameters are rejected naming the parameter, including
 * those only caught by {@code outputShape}. Needs a DJL engine on the test class path.
 */
public abstract class LayerPluginContract extends PluginContract<LayerPlugin> {

    private static final long BATCH = 2;

    /** The shape of one example fed to the layer, without the batch dimension; keep it tiny. */
    protected abstract Shape inputShape();

    @Override
    final PluginKind kind() {
        return PluginKind.LAYER;
    }

    /** Resolver problems plus what shape inference on {@link #inputShape()} reports. */
    @Override
    protected List<Problem> problemsFor(Map<String, Object> raw) {
        List<Problem> problems = super.problemsFor(raw);
        if (problems.isEmpty()) {
            LayerInstance layer = new PluginResolver(catalog(), new SourceMap(), problems).layer(new PluginSpec(type(), raw, PATH));
            ModelPlanner.inferShapes(List.of(layer), List.of(PATH), inputShape(), new SourceMap(), problems);
        }
        return problems;
    }

    @Test
    void buildsFromItsParameters() {
        Block block = plugin().build(params(), inputShape());
        assertNotNull(block);
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, batched(inputShape()));
        }
    }

    @Test
    void declaredOutputShapeMatchesForwardPass() {
        Params params = params();
        Shape declared = plugin().outputShape(params, inputShape());
        Shape expected = batched(declared);
        Block block = plugin().build(params, inputShape());
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, batched(inputShape()));
            assertEquals(expected, block.getOutputShapes(new Shape[] {batched(inputShape())})[0],
                    "getOutputShapes of the DJL block differs from outputShape()");
            NDArray x = manager.randomNormal(batched(inputShape()));
            for (boolean training : new boolean[] {false, true}) {
                NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
                assertEquals(expected, y.getShape(), "forward pass (training=" + training + ") differs from outputShape()");
            }
        }
    }

    @Test
    void parametersSaveAndLoad() throws Exception {
        Params params = params();
        Block original = plugin().build(params, inputShape());
        Block restored = plugin().build(params, inputShape());
        try (NDManager manager = NDManager.newBaseManager()) {
            original.initialize(manager, DataType.FLOAT32, batched(inputShape()));
            NDArray x = manager.randomNormal(batched(inputShape()));
            // One training pass first, so running statistics (batch norm) differ from their initial values.
            original.forward(new ParameterStore(manager, false), new NDList(x), true);
            float[] before = infer(original, manager, x);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.saveParameters(new DataOutputStream(bytes));
            restored.initialize(manager, DataType.FLOAT32, batched(inputShape()));
            restored.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertArrayEquals(before, infer(restored, manager, x), 0f, "outputs differ after saveParameters/loadParameters");
        }
    }

    private static float[] infer(Block block, NDManager manager, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();
    }

    private static Shape batched(Shape shape) {
        return ModelPlanner.withBatch(shape, BATCH);
    }
}
