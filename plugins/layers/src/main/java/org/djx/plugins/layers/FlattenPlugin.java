package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code flatten}: one long vector per example, e.g. (36, 7, 7) to (1764). */
public final class FlattenPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Flatten each example to one dimension";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        return new Shape(input.size());
    }

    @Override
    public Block build(Params p, Shape input) {
        return Blocks.batchFlattenBlock();
    }
}
