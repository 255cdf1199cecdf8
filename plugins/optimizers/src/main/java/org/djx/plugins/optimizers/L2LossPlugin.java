package org.djx.plugins.optimizers;

import ai.djl.training.loss.Loss;
import java.util.List;
import org.djx.plugin.LossPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code l2}: half the mean squared error, for regression outputs. */
public final class L2LossPlugin implements LossPlugin {

    @Override
    public String description() {
        return "L2 loss: weight * mean((prediction - label)^2) / 2";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("weight", ParamType.NUMBER, "Scale of the loss.").withDefault(1.0).atLeast(0));
    }

    @Override
    public Loss build(Params p) {
        return Loss.l2Loss("loss", p.getFloat("weight"));
    }
}
