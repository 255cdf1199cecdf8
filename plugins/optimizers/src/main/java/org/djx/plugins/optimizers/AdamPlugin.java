package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code adam}: adaptive moment estimation. */
public final class AdamPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "Adam";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("beta1", ParamType.NUMBER, "Decay of the first-moment estimate.").withDefault(0.9).atLeast(0).below(1),
                ParamSpec.of("beta2", ParamType.NUMBER, "Decay of the second-moment estimate.").withDefault(0.999).atLeast(0).below(1),
                ParamSpec.of("epsilon", ParamType.NUMBER, "Added to the denominator for stability.").withDefault(1e-8).atLeast(0),
                ParamSpec.of("weight_decay", ParamType.NUMBER, "L2 penalty on weights.").withDefault(0.0).atLeast(0));
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        return Optimizer.adam()
                .optLearningRateTracker(learningRate)
                .optBeta1(p.getFloat("beta1"))
                .optBeta2(p.getFloat("beta2"))
                .optEpsilon(p.getFloat("epsilon"))
                .optWeightDecays(p.getFloat("weight_decay"))
                .build();
    }
}
