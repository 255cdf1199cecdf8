package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import org.djx.plugin.ShapeException;

/** Output-size arithmetic shared by convolution and pooling over (channels, height, width) inputs. */
final class Spatial {

    private Spatial() {}

    /** Checks that {@code input} is (channels, height, width). */
    static void requireImage(Shape input, String layer) {
        if (input.dimension() != 3) {
            throw new ShapeException(layer + " needs a (channels, height, width) input, got " + input.dimension()
                    + " dimension(s)" + (input.dimension() == 1 ? "; it cannot follow flatten or dense" : ""));
        }
    }

    /**
     * {@code floor((size + 2 * pad - dilation * (kernel - 1) - 1) / stride) + 1}, the size after a
     * window slides over one dimension; fails when the window does not fit.
     */
    static long output(long size, long kernel, long stride, long pad, long dilation, String axis) {
        long span = dilation * (kernel - 1) + 1;
        if (size + 2 * pad < span) {
            throw new ShapeException("a window of " + span + " does not fit the " + axis + " of " + size
                    + (pad > 0 ? " (padded by " + pad + " on each side)" : ""));
        }
        return (size + 2 * pad - span) / stride + 1;
    }
}
