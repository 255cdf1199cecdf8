package org.djx.plugin;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * A layer plugin bound to its validated parameters: what a composite layer (one with a
 * {@link ParamType#LAYERS} parameter) gets for each layer it holds.
 */
public record LayerInstance(String type, LayerPlugin plugin, Params params) {

    /** The output shape for one example of {@code input} (no batch dimension). */
    public Shape outputShape(Shape input) {
        return plugin.outputShape(params, input);
    }

    /** A new block for this layer. */
    public Block build(Shape input) {
        return plugin.build(params, input);
    }
}
