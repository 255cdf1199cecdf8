package org.djx.plugins.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;
import java.util.List;
import org.djx.plugin.LossPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/**
 * {@code softmax-cross-entropy}: the classification loss on raw logits and class-index labels,
 * optionally with label smoothing (DJL's own loss has none).
 */
public final class SoftmaxCrossEntropyPlugin implements LossPlugin {

    @Override
    public String description() {
        return "Softmax cross-entropy over class logits (with optional label smoothing)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("label_smoothing", ParamType.NUMBER,
                "Mix this much of a uniform distribution into the one-hot target.").withDefault(0.0).atLeast(0).below(1));
    }

    @Override
    public Loss build(Params p) {
        float smoothing = p.getFloat("label_smoothing");
        return smoothing == 0 ? Loss.softmaxCrossEntropyLoss("loss") : new LabelSmoothingLoss("loss", smoothing);
    }

    /**
     * Cross-entropy against {@code (1 - e) * one_hot + e / classes}: equal to
     * {@code (1 - e) * nll + e * mean_over_classes(-log p)}.
     */
    static final class LabelSmoothingLoss extends Loss {

        private final float smoothing;

        LabelSmoothingLoss(String name, float smoothing) {
            super(name);
            this.smoothing = smoothing;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(-1);
            NDArray label = labels.singletonOrThrow();
            NDArray nll = logProbabilities.get(new NDIndex().addAllDim().addPickDim(label)).neg().reshape(-1);
            NDArray uniform = logProbabilities.mean(new int[] {-1}).neg().reshape(-1);
            return nll.mul(1 - smoothing).add(uniform.mul(smoothing)).mean();
        }
    }
}
