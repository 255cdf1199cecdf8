package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code maxpool2d}: the largest value of each window. */
public final class MaxPool2dPlugin implements LayerPlugin {

    /** The parameters every 2-D pooling layer takes. */
    static List<ParamSpec> poolParameters() {
        return List.of(
                ParamSpec.of("size", ParamType.INTS, "Window size: one number or [height, width].").withDefault(2L).atLeast(1),
                ParamSpec.of("stride", ParamType.INTS, "Step between windows (default: the window size).").atLeast(1),
                ParamSpec.of("padding", ParamType.INTS, "Zeros added on each side.").withDefault(0L).atLeast(0));
    }

    static Shape poolShape(Params p, Shape input, String layer) {
        Spatial.requireImage(input, layer);
        long[] size = p.getInts("size", 2);
        long[] stride = stride(p);
        long[] pad = p.getInts("padding", 2);
        return new Shape(input.get(0),
                Spatial.output(input.get(1), size[0], stride[0], pad[0], 1, "height"),
                Spatial.output(input.get(2), size[1], stride[1], pad[1], 1, "width"));
    }

    static long[] stride(Params p) {
        return p.has("stride") ? p.getInts("stride", 2) : p.getInts("size", 2);
    }

    @Override
    public String description() {
        return "2-D max pooling";
    }

    @Override
    public List<ParamSpec> parameters() {
        return poolParameters();
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        return poolShape(p, input, "maxpool2d");
    }

    @Override
    public Block build(Params p, Shape input) {
        return Pool.maxPool2dBlock(new Shape(p.getInts("size", 2)), new Shape(stride(p)), new Shape(p.getInts("padding", 2)));
    }
}
