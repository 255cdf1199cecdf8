package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code adagrad}: per-weight learning rates scaled by the sum of past squared gradients. */
public final class AdagradPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "Adagrad";
    }

    @Override
    public List<ParamSpec> parameters() {
        return CommonParams.with(0.0, CommonParams.epsilon(1e-8));
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        return CommonParams.apply(Optimizer.adagrad().optLearningRateTracker(learningRate).optEpsilon(p.getFloat("epsilon")), p).build();
    }
}
