package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code adam}: adaptive moment estimation; weight decay is added to the gradient (L2), see {@code adamw}. */
public final class AdamPlugin implements OptimizerPlugin {

    static List<ParamSpec> adamParameters(double decay) {
        return CommonParams.with(decay,
                CommonParams.decayRate("beta1", 0.9, "Decay of the first-moment estimate."),
                CommonParams.decayRate("beta2", 0.999, "Decay of the second-moment estimate."),
                CommonParams.epsilon(1e-8));
    }

    @Override
    public String description() {
        return "Adam";
    }

    @Override
    public List<ParamSpec> parameters() {
        return adamParameters(0.0);
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        return CommonParams.apply(Optimizer.adam()
                .optLearningRateTracker(learningRate)
                .optBeta1(p.getFloat("beta1"))
                .optBeta2(p.getFloat("beta2"))
                .optEpsilon(p.getFloat("epsilon")), p).build();
    }
}
