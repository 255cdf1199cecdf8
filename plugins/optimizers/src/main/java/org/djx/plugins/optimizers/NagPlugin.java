package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code nag}: SGD with Nesterov accelerated momentum. */
public final class NagPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "Nesterov accelerated gradient";
    }

    @Override
    public List<ParamSpec> parameters() {
        return CommonParams.with(0.0, CommonParams.decayRate("momentum", 0.9, "Momentum factor."));
    }

    @Override
    public void validate(Params p) {
        if (p.getDouble("momentum") == 0) {
            throw new org.djx.plugin.PluginParameterException("momentum", "must be above 0 for nag (use sgd without momentum)");
        }
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        return CommonParams.apply(Optimizer.nag().setLearningRateTracker(learningRate).setMomentum(p.getFloat("momentum")), p).build();
    }
}
