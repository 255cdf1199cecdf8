package org.djx.plugins.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.List;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code sgd}: stochastic gradient descent with optional momentum and weight decay. */
public final class SgdPlugin implements OptimizerPlugin {

    @Override
    public String description() {
        return "Stochastic gradient descent (with momentum)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("momentum", ParamType.NUMBER, "Momentum factor; 0 for plain SGD.").withDefault(0.0).atLeast(0).below(1),
                ParamSpec.of("weight_decay", ParamType.NUMBER, "L2 penalty on weights.").withDefault(0.0).atLeast(0),
                ParamSpec.of("clip_grad", ParamType.NUMBER, "Clip each gradient value to [-clip, clip]; 0 for none.").withDefault(0.0).atLeast(0));
    }

    @Override
    public Optimizer build(Params p, ParameterTracker learningRate) {
        var builder = Optimizer.sgd().setLearningRateTracker(learningRate).optWeightDecays(p.getFloat("weight_decay"));
        if (p.getDouble("momentum") > 0) {
            builder.optMomentum(p.getFloat("momentum"));
        }
        if (p.getDouble("clip_grad") > 0) {
            builder.optClipGrad(p.getFloat("clip_grad"));
        }
        return builder.build();
    }
}
