package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code sgd}: stochastic gradient descent with optional momentum and weight decay. */
public final class SgdPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "Stochastic gradient descent (with momentum)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return CommonParams.with(0.0, CommonParams.decayRate("momentum", 0.0, "Momentum factor; 0 for plain SGD."));
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        var builder = CommonParams.apply(Optimizer.sgd().setLearningRateTracker(learningRate), p);
        if (p.getDouble("momentum") > 0) {
            builder.optMomentum(p.getFloat("momentum"));
        }
        return builder.build();
    }
}
