package org.djx.plugins.optimizers;

import ai.djl.training.loss.Loss;
import java.util.List;
import org.djx.plugin.LossPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;

/** {@code softmax-cross-entropy}: the classification loss on raw logits. */
public final class SoftmaxCrossEntropyPlugin implements LossPlugin {

    @Override
    public String description() {
        return "Softmax cross-entropy over class logits";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public Loss build(Params p) {
        return Loss.softmaxCrossEntropyLoss("loss");
    }
}
