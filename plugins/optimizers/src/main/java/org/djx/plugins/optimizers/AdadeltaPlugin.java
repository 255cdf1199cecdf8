package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/**
 * {@code adadelta}: adapts step sizes from moving averages of squared gradients and updates. It
 * has no learning rate: {@code learning_rate} and {@code schedule} are ignored (DJL's Adadelta
 * takes none).
 */
public final class AdadeltaPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "Adadelta (ignores learning_rate and schedule)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return CommonParams.with(0.0,
                CommonParams.decayRate("rho", 0.9, "Decay of the moving averages."),
                CommonParams.epsilon(1e-6));
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        return CommonParams.apply(Optimizer.adadelta().optRho(p.getFloat("rho")).optEpsilon(p.getFloat("epsilon")), p).build();
    }
}
