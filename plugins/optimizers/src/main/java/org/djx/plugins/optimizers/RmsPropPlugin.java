package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code rmsprop}: per-weight learning rates scaled by a moving average of squared gradients. */
public final class RmsPropPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "RMSProp";
    }

    @Override
    public List<ParamSpec> parameters() {
        return CommonParams.with(0.0,
                CommonParams.decayRate("rho", 0.9, "Decay of the squared-gradient average."),
                CommonParams.decayRate("momentum", 0.9, "Momentum factor (used when centered)."),
                CommonParams.epsilon(1e-8),
                ParamSpec.of("centered", ParamType.BOOLEAN, "Normalise by the gradient's estimated variance (Graves 2013).").withDefault(false));
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        return CommonParams.apply(Optimizer.rmsprop()
                .optLearningRateTracker(learningRate)
                .optRho(p.getFloat("rho"))
                .optMomentum(p.getFloat("momentum"))
                .optEpsilon(p.getFloat("epsilon"))
                .optCentered(p.getBoolean("centered")), p).build();
    }
}
