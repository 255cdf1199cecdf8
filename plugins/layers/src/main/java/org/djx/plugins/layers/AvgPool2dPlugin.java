package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code avgpool2d}: the mean of each window. */
public final class AvgPool2dPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "2-D average pooling";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> params = new ArrayList<>(MaxPool2dPlugin.poolParameters());
        params.add(ParamSpec.of("count_padding", ParamType.BOOLEAN, "Count padded zeros in each window's mean.").withDefault(true));
        return params;
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        return MaxPool2dPlugin.poolShape(p, input, "avgpool2d");
    }

    @Override
    public Block build(Params p, Shape input) {
        return Pool.avgPool2dBlock(new Shape(p.getInts("size", 2)), new Shape(MaxPool2dPlugin.stride(p)),
                new Shape(p.getInts("padding", 2)), false, p.getBoolean("count_padding"));
    }
}
