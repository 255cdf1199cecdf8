package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code global-avgpool2d}: the mean of each channel over height and width, giving one value per channel. */
public final class GlobalAvgPool2dPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Global average pooling: (channels, height, width) -> (channels)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        Spatial.requireImage(input, "global-avgpool2d");
        return new Shape(input.get(0));
    }

    @Override
    public Block build(Params p, Shape input) {
        return Pool.globalAvgPool2dBlock();
    }
}
