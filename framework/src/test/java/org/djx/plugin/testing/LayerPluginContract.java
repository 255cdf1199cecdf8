package org.djx.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
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
        for (Map<String, Object> raw : allValidParams()) {
            Block block = plugin().build(params(raw), inputShape());
            assertNotNull(block);
            try (NDManager manager = NDManager.newBaseManager()) {
                block.initialize(manager, DataType.FLOAT32, batched(inputShape()));
            }
        }
    }

    @Test
    void declaredOutputShapeMatchesForwardPass() {
        for (Map<String, Object> raw : allValidParams()) {
            checkOutputShape(raw);
        }
    }

    private void checkOutputShape(Map<String, Object> raw) {
        Params params = params(raw);
        Shape declared = plugin().outputShape(params, inputShape());
        Shape expected = batched(declared);
        Block block = plugin().build(params, inputShape());
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, batched(inputShape()));
            assertEquals(expected, block.getOutputShapes(new Shape[] {batched(inputShape())})[0],
                    "getOutputShapes of the DJL block differs from outputShape() for " + raw);
            NDArray x = manager.randomNormal(batched(inputShape()));
            assertEquals(expected, forward(block, manager, x, false).getShape(), "inference forward pass differs from outputShape() for " + raw);
            assertEquals(expected, forward(block, manager, x, true).getShape(), "training forward pass differs from outputShape() for " + raw);
        }
    }

    @Test
    void parametersSaveAndLoad() throws Exception {
        for (Map<String, Object> raw : allValidParams()) {
            checkSaveAndLoad(params(raw));
        }
    }

    private void checkSaveAndLoad(Params params) throws Exception {
        Block original = plugin().build(params, inputShape());
        Block restored = plugin().build(params, inputShape());
        try (NDManager manager = NDManager.newBaseManager()) {
            original.initialize(manager, DataType.FLOAT32, batched(inputShape()));
            NDArray x = manager.randomNormal(batched(inputShape()));
            // One training pass first, so running statistics (batch norm) differ from their initial values.
            forward(original, manager, x, true);
            float[] before = forward(original, manager, x, false).toFloatArray();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.saveParameters(new DataOutputStream(bytes));
            restored.initialize(manager, DataType.FLOAT32, batched(inputShape()));
            restored.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertArrayEquals(before, forward(restored, manager, x, false).toFloatArray(), 0f, "outputs differ after saveParameters/loadParameters");
        }
    }

    /** A forward pass; training passes run under a gradient collector, as engines like MXNet require. */
    private static NDArray forward(Block block, NDManager manager, NDArray x, boolean training) {
        if (!training) {
            return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            return block.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
        }
    }

    private static Shape batched(Shape shape) {
        return ModelPlanner.withBatch(shape, BATCH);
    }
}
