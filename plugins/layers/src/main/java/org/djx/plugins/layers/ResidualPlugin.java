package org.djx.plugins.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.djx.plugin.LayerInstance;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.PluginParameterException;
import org.djx.plugin.ShapeException;

/**
 * {@code residual}: {@code layers(x) + shortcut(x)}, a composite layer holding its own layer list.
 *
 * <p>The shortcut is the identity when the inner layers keep the shape. When they change it, the
 * block is an error unless {@code projection: true}, which makes the shortcut a learned 1x1
 * convolution (images; its stride is chosen so height and width match) or a dense layer
 * (vectors), as in ResNet's downsampling blocks.
 */
public final class ResidualPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Residual block: its layers plus a shortcut (identity, or a learned projection)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("layers", ParamType.LAYERS, "The layers of the main path, written like model.layers.").mandatory(),
                ParamSpec.of("projection", ParamType.BOOLEAN,
                        "When the layers change the shape, project the shortcut (1x1 conv or dense) instead of failing.")
                        .withDefault(false));
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        Shape output = innerShape(p.layers("layers"), input);
        if (!output.equals(input)) {
            if (!p.getBoolean("projection")) {
                throw new ShapeException("its layers turn " + input + " into " + output
                        + "; a residual block must keep the shape, or set 'projection: true'");
            }
            projectionStride(input, output);
        }
        return output;
    }

    private static Shape innerShape(List<LayerInstance> layers, Shape input) {
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerInstance layer = layers.get(i);
            try {
                shape = layer.outputShape(shape);
            } catch (ShapeException e) {
                throw new ShapeException("inner layer " + i + " (" + layer.type() + ") cannot take " + shape + ": " + e.getMessage());
            } catch (PluginParameterException e) {
                throw new PluginParameterException("layers", "inner layer " + i + " (" + layer.type() + "), "
                        + e.parameter() + ": " + e.getMessage());
            }
        }
        return shape;
    }

    /** The stride of the 1x1 projection from {@code input} to {@code output}, or 0 for a vector projection. */
    private static long projectionStride(Shape input, Shape output) {
        if (input.dimension() == 1 && output.dimension() == 1) {
            return 0;
        }
        if (input.dimension() == 3 && output.dimension() == 3) {
            for (long stride = 1; stride <= Math.max(input.get(1), input.get(2)); stride++) {
                if ((input.get(1) - 1) / stride + 1 == output.get(1) && (input.get(2) - 1) / stride + 1 == output.get(2)) {
                    return stride;
                }
            }
        }
        throw new ShapeException("no 1x1 projection turns " + input + " into " + output
                + " (both must be images, or both vectors, and the spatial sizes must shrink by one stride)");
    }

    @Override
    public Block build(Params p, Shape input) {
        SequentialBlock main = new SequentialBlock();
        Shape shape = input;
        for (LayerInstance layer : p.layers("layers")) {
            main.add(layer.build(shape));
            shape = layer.outputShape(shape);
        }
        Block shortcut;
        if (shape.equals(input)) {
            shortcut = new LambdaBlock(x -> x, "identity");
        } else {
            long stride = projectionStride(input, shape);
            shortcut = stride == 0
                    ? Linear.builder().setUnits(shape.get(0)).build()
                    : Conv2d.builder().setFilters((int) shape.get(0)).setKernelShape(new Shape(1, 1))
                            .optStride(new Shape(stride, stride)).build();
        }
        return new ParallelBlock(
                branches -> new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow())),
                List.of(main, shortcut));
    }
}
