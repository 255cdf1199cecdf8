package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code relu}: max(x, 0) element-wise. */
public final class ReluPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Rectified linear unit";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        return input;
    }

    @Override
    public Block build(Params p, Shape input) {
        return Activation.reluBlock();
    }
}
