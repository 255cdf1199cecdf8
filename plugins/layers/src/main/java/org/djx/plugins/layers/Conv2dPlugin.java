package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.PluginParameterException;
import org.djx.plugin.ShapeException;

/** {@code conv2d}: 2-D convolution over (channels, height, width). */
public final class Conv2dPlugin implements LayerPlugin {

    @Override
    public String description() {
        return "2-D convolution";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("filters", ParamType.INT, "Number of output channels.").mandatory().atLeast(1),
                ParamSpec.of("kernel", ParamType.INTS, "Kernel size: one number or [height, width].").mandatory().atLeast(1),
                ParamSpec.of("stride", ParamType.INTS, "Step between windows.").withDefault(1L).atLeast(1),
                ParamSpec.of("padding", ParamType.INT_OR_CHOICE,
                        "'same' keeps height and width (at stride 1), 'valid' adds none, or a number of zeros per side.")
                        .withDefault("valid").withChoices("same", "valid").atLeast(0),
                ParamSpec.of("dilation", ParamType.INTS, "Spacing between kernel elements.").withDefault(1L).atLeast(1),
                ParamSpec.of("groups", ParamType.INT, "Split channels into this many independent groups.").withDefault(1L).atLeast(1),
                ParamSpec.of("bias", ParamType.BOOLEAN, "Add a learned bias per filter.").withDefault(true));
    }

    @Override
    public void validate(Params p) {
        if (p.getInt("filters") % p.getInt("groups") != 0) {
            throw new PluginParameterException("filters", "must be a multiple of groups (" + p.getInt("groups") + ")");
        }
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        Spatial.requireImage(input, "conv2d");
        long[] kernel = p.getInts("kernel", 2);
        long[] stride = p.getInts("stride", 2);
        long[] dilation = p.getInts("dilation", 2);
        long[] pad = padding(p, kernel, dilation);
        int groups = p.getInt("groups");
        if (input.get(0) % groups != 0) {
            throw new ShapeException("groups " + groups + " does not divide the " + input.get(0) + " input channels");
        }
        return new Shape(p.getLong("filters"),
                Spatial.output(input.get(1), kernel[0], stride[0], pad[0], dilation[0], "height"),
                Spatial.output(input.get(2), kernel[1], stride[1], pad[1], dilation[1], "width"));
    }

    /** Zeros added on each side; 'same' needs an odd effective kernel so it can pad symmetrically. */
    static long[] padding(Params p, long[] kernel, long[] dilation) {
        String padding = p.getString("padding");
        long[] pad = new long[2];
        if ("same".equals(padding)) {
            for (int i = 0; i < 2; i++) {
                long span = dilation[i] * (kernel[i] - 1);
                if (span % 2 != 0) {
                    throw new PluginParameterException("padding", "'same' needs an odd kernel size (got " + kernel[i] + ")");
                }
                pad[i] = span / 2;
            }
        } else if (!"valid".equals(padding)) {
            java.util.Arrays.fill(pad, p.getLong("padding"));
        }
        return pad;
    }

    @Override
    public Block build(Params p, Shape input) {
        long[] kernel = p.getInts("kernel", 2);
        long[] dilation = p.getInts("dilation", 2);
        return Conv2d.builder()
                .setFilters(p.getInt("filters"))
                .setKernelShape(new Shape(kernel))
                .optStride(new Shape(p.getInts("stride", 2)))
                .optPadding(new Shape(padding(p, kernel, dilation)))
                .optDilation(new Shape(dilation))
                .optGroups(p.getInt("groups"))
                .optBias(p.getBoolean("bias"))
                .build();
    }
}
