package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code dropout}: zeroes a random fraction of values while training; does nothing in evaluation. */
public final class DropoutPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Dropout regularisation (training only)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("rate", ParamType.NUMBER, "Fraction of values set to zero.").withDefault(0.5).atLeast(0).below(1));
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        return input;
    }

    @Override
    public Block build(Params p, Shape input) {
        return Dropout.builder().optRate(p.getFloat("rate")).build();
    }
}
