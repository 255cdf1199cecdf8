package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** Parameters every optimizer here takes, applied to any DJL optimizer builder. */
final class CommonParams {

    private CommonParams() {}

    static ParamSpec weightDecay(double value) {
        return ParamSpec.of("weight_decay", ParamType.NUMBER, "L2 penalty on weights.").withDefault(value).atLeast(0);
    }

    static ParamSpec clipGrad() {
        return ParamSpec.of("clip_grad", ParamType.NUMBER, "Clip each gradient value to [-clip, clip]; 0 for none.")
                .withDefault(0.0).atLeast(0);
    }

    /** {@code own} followed by weight_decay (default {@code decay}) and clip_grad. */
    static List<ParamSpec> with(double decay, ParamSpec... own) {
        List<ParamSpec> all = new ArrayList<>(List.of(own));
        all.add(weightDecay(decay));
        all.add(clipGrad());
        return List.copyOf(all);
    }

    static <T extends Optimizer.OptimizerBuilder<T>> T apply(T builder, Params p) {
        builder.optWeightDecays(p.getFloat("weight_decay"));
        if (p.getDouble("clip_grad") > 0) {
            builder.optClipGrad(p.getFloat("clip_grad"));
        }
        return builder;
    }

    static ParamSpec epsilon(double value) {
        return ParamSpec.of("epsilon", ParamType.NUMBER, "Added to the denominator for stability.").withDefault(value).atLeast(0);
    }

    static ParamSpec decayRate(String name, double value, String description) {
        return ParamSpec.of(name, ParamType.NUMBER, description).withDefault(value).atLeast(0).below(1);
    }
}
