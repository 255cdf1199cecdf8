package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code adamw}: Adam with weight decay applied to the weights directly (decoupled), not through the gradient. */
public final class AdamWPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "Adam with decoupled weight decay";
    }

    @Override
    public List<ParamSpec> parameters() {
        return AdamPlugin.adamParameters(0.01);
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        return CommonParams.apply(Optimizer.adamW()
                .optLearningRateTracker(learningRate)
                .optBeta1(p.getFloat("beta1"))
                .optBeta2(p.getFloat("beta2"))
                .optEpsilon(p.getFloat("epsilon")), p).build();
    }
}
