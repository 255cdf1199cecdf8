package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.LayerNorm;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code layernorm}: normalises each example over all its values, with a learned scale and offset per value. */
public final class LayerNormPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Layer normalisation over each whole example";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("epsilon", ParamType.NUMBER, "Added to the variance for stability.").withDefault(1e-5).atLeast(0),
                ParamSpec.of("center", ParamType.BOOLEAN, "Learn an offset (beta).").withDefault(true),
                ParamSpec.of("scale", ParamType.BOOLEAN, "Learn a scale (gamma).").withDefault(true));
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        return input;
    }

    @Override
    public Block build(Params p, Shape input) {
        return LayerNorm.builder()
                .optEpsilon(p.getFloat("epsilon"))
                .optCenter(p.getBoolean("center"))
                .optScale(p.getBoolean("scale"))
                .build();
    }
}
