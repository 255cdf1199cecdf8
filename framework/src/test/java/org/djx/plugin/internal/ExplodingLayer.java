package org.djx.plugin.internal;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** A layer whose constructor fails, like a plugin that needs something missing on this machine. */
public final class ExplodingLayer implements LayerPlugin {

    public ExplodingLayer() {
        throw new IllegalStateException("native library not found");
    }

    @Override
    public String description() {
        return "never created";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public Shape outputShape(Params params, Shape input) {
        return input;
    }

    @Override
    public Block build(Params params, Shape input) {
        throw new UnsupportedOperationException();
    }
}
