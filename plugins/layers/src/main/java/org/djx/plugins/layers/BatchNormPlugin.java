package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/**
 * {@code batchnorm}: normalises each channel (the first dimension of an example) over the batch,
 * keeping running statistics for evaluation.
 */
public final class BatchNormPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Batch normalisation over the channel dimension";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("momentum", ParamType.NUMBER, "Weight of the old value when updating running statistics.")
                        .withDefault(0.9).atLeast(0).below(1),
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
        return BatchNorm.builder()
                .optMomentum(p.getFloat("momentum"))
                .optEpsilon(p.getFloat("epsilon"))
                .optCenter(p.getBoolean("center"))
                .optScale(p.getBoolean("scale"))
                .build();
    }
}
