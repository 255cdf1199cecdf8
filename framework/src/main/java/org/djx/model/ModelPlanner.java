package org.djx.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.djx.descriptor.Problem;
import org.djx.descriptor.SourceMap;
import org.djx.plugin.LayerInstance;
import org.djx.plugin.PluginParameterException;
import org.djx.plugin.ShapeException;

/**
 * Turns resolved layers into a DJL {@link SequentialBlock}: shape inference first (no engine
 * needed, so a descriptor is checked before training), then the block and its parameter counts.
 */
public final class ModelPlanner {

    private ModelPlanner() {}

    /**
     * Runs shape inference from {@code input} through every layer; reports the first layer that
     * cannot take its input, naming its index and type.
     *
     * @param paths descriptor path of each layer, for messages
     * @return the output shape of each layer, or {@code null} after recording a problem
     */
    public static List<LayerSummary> inferShapes(List<LayerInstance> layers, List<String> paths, Shape input,
            SourceMap sources, List<Problem> problems) {
        List<LayerSummary> out = new ArrayList<>();
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerInstance layer = layers.get(i);
            String path = paths.get(i);
            try {
                shape = layer.outputShape(shape);
            } catch (ShapeException e) {
                problems.add(new Problem(sources.valueAt(path), path,
                        "layer " + i + " (" + layer.type() + ") cannot take input of shape " + shape + ": " + e.getMessage()));
                return null;
            } catch (PluginParameterException e) {
                String p = path + "." + e.parameter();
                problems.add(new Problem(sources.valueAt(p), p, e.getMessage()));
                return null;
            }
            if (shape.size() <= 0 || shape.getShape().length == 0) {
                problems.add(new Problem(sources.valueAt(path), path,
                        "layer " + i + " (" + layer.type() + ") collapses the shape to " + shape + "; remove a pooling layer or use smaller kernels/strides"));
                return null;
            }
            out.add(new LayerSummary(i, layer.type(), shape, -1));
        }
        return out;
    }

    /** A new block holding every layer in order. */
    public static SequentialBlock build(List<LayerInstance> layers, Shape input) {
        SequentialBlock block = new SequentialBlock();
        Shape shape = input;
        for (LayerInstance layer : layers) {
            block.add(layer.build(shape));
            shape = layer.outputShape(shape);
        }
        return block;
    }

    /**
     * Initialises {@code block} for {@code input} and counts each layer's parameters.
     *
     * @param shapes the layer shapes from {@link #inferShapes}
     */
    public static List<LayerSummary> countParameters(SequentialBlock block, Shape input, List<LayerSummary> shapes,
            NDManager manager) {
        block.initialize(manager, DataType.FLOAT32, withBatch(input, 1));
        List<LayerSummary> out = new ArrayList<>();
        List<Pair<String, Block>> children = block.getChildren().values().isEmpty() ? List.of() : toList(block);
        for (int i = 0; i < shapes.size(); i++) {
            long count = 0;
            for (Pair<String, Parameter> p : children.get(i).getValue().getParameters()) {
                if (p.getValue().getArray() != null) {
                    count += p.getValue().getArray().size();
                }
            }
            LayerSummary s = shapes.get(i);
            out.add(new LayerSummary(s.index(), s.type(), s.outputShape(), count));
        }
        return out;
    }

    private static List<Pair<String, Block>> toList(SequentialBlock block) {
        List<Pair<String, Block>> out = new ArrayList<>();
        block.getChildren().forEach(out::add);
        return out;
    }

    /** {@code shape} with a leading batch dimension. */
    public static Shape withBatch(Shape shape, long batch) {
        return new Shape(batch).addAll(shape);
    }
}
