package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.ShapeException;

/** {@code dense}: a fully connected layer on flat inputs. */
public final class DensePlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Fully connected layer";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("units", ParamType.INT, "Number of outputs.").mandatory().atLeast(1),
                ParamSpec.of("bias", ParamType.BOOLEAN, "Add a learned bias per output.").withDefault(true));
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        if (input.dimension() != 1) {
            throw new ShapeException("dense needs a flat input; add {type: flatten} before it");
        }
        return new Shape(p.getLong("units"));
    }

    @Override
    public Block build(Params p, Shape input) {
        return Linear.builder().setUnits(p.getLong("units")).optBias(p.getBoolean("bias")).build();
    }
}
