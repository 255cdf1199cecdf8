package org.djx.plugin.internal;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** A layer that passes its input through; what the plugin jars built by {@link PluginJars} bind. */
public final class IdentityLayer implements LayerPlugin {

    @Override
    public String description() {
        return "Passes its input through";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("scale", ParamType.NUMBER, "Ignored.").withDefault(1.0).atLeast(0));
    }

    @Override
    public Shape outputShape(Params params, Shape input) {
        return input;
    }

    @Override
    public Block build(Params params, Shape input) {
        return new LambdaBlock(x -> x);
    }
}
