package org.djx.model;

import ai.djl.ndarray.types.Shape;

/**
 * One row of a model summary.
 *
 * @param index position in {@code model.layers}
 * @param type the layer plugin's name
 * @param outputShape shape of one example after the layer (no batch dimension)
 * @param parameters trainable values in the layer, or -1 when not counted yet
 */
public record LayerSummary(int index, String type, Shape outputShape, long parameters) {}
