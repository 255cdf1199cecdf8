package com.example.squeezeexcite;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.ShapeException;

/**
 * {@code squeeze-excite}: a squeeze-and-excitation block (Hu et al., 2018). It learns one weight
 * in (0, 1) per channel from the channel means ("squeeze": global average pooling, then a small
 * two-layer bottleneck) and multiplies every channel by its weight ("excite"). The shape is kept.
 *
 * <pre>{@code
 * - {type: squeeze-excite, ratio: 4}
 * }</pre>
 *
 * <p>Written only against the public djx SPI ({@code org.djx.plugin}) and DJL, like any
 * third-party plugin.
 */
public final class SqueezeExcitePlugin implements LayerPlugin {

    @Override
    public String description() {
        return "Squeeze-and-excitation: re-weights channels by a gate learned from their means";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("ratio", ParamType.INT,
                "Bottleneck reduction: the gate's hidden layer has channels / ratio units (at least 1).").withDefault(4L).atLeast(1));
    }

    @Override
    public Shape outputShape(Params params, Shape input) {
        if (input.dimension() != 3) {
            throw new ShapeException("squeeze-excite needs a (channels, height, width) input, got " + input);
        }
        return input;
    }

    @Override
    public Block build(Params params, Shape input) {
        int channels = Math.toIntExact(input.get(0));
        int hidden = Math.max(1, channels / params.getInt("ratio"));
        SequentialBlock gate = new SequentialBlock()
                .add(Pool.globalAvgPool2dBlock())                      // (N, C): the squeeze
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(channels).build())
                .add(Activation.sigmoidBlock())                        // one weight in (0, 1) per channel
                .add(x -> new NDList(x.singletonOrThrow().reshape(-1, channels, 1, 1)));
        return new ParallelBlock(
                branches -> new NDList(branches.get(0).singletonOrThrow().mul(branches.get(1).singletonOrThrow())),
                List.of(new LambdaBlock(x -> x, "identity"), gate));
    }
}
