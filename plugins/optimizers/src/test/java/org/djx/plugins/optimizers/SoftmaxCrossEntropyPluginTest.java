package org.djx.plugins.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.LossPluginContract;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyPluginTest extends LossPluginContract {

    @Override
    protected String type() {
        return "softmax-cross-entropy";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("label_smoothing", 0.1);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of());
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("label_smoothing", Map.of("label_smoothing", 1.0));
    }

    @Override
    protected NDList labels(NDManager manager) {
        return new NDList(manager.create(new float[] {0, 2}));
    }

    @Override
    protected NDList closePrediction(NDManager manager) {
        return new NDList(manager.create(new float[][] {{4, 0, 0}, {0, 0, 4}}));
    }

    @Override
    protected NDList farPrediction(NDManager manager) {
        return new NDList(manager.create(new float[][] {{0, 4, 0}, {4, 0, 0}}));
    }

    @Test
    void smoothingMatchesCrossEntropyAgainstTheSmoothedTarget() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] logits = {{2, 0.5f, -1}, {0, 1, 3}};
            int[] labels = {0, 2};
            float e = 0.2f;
            double expected = 0;
            for (int i = 0; i < logits.length; i++) {
                double norm = 0;
                for (float z : logits[i]) {
                    norm += Math.exp(z);
                }
                for (int c = 0; c < 3; c++) {
                    double target = (c == labels[i] ? 1 - e : 0) + e / 3;
                    expected -= target * (logits[i][c] - Math.log(norm));
                }
            }
            expected /= logits.length;
            Loss loss = plugin().build(params(Map.of("label_smoothing", (double) e)));
            float actual = loss.evaluate(new NDList(manager.create(new float[] {0, 2})), new NDList(manager.create(logits))).getFloat();
            assertEquals(expected, actual, 1e-5);
        }
    }

    @Test
    void withoutSmoothingEqualsDjlsLoss() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList labels = new NDList(manager.create(new float[] {1, 0}));
            NDList logits = new NDList(manager.create(new float[][] {{0.3f, 1.2f, -0.4f}, {2, 0, 1}}));
            float ours = plugin().build(params(Map.of())).evaluate(labels, logits).getFloat();
            float djl = Loss.softmaxCrossEntropyLoss().evaluate(labels, logits).getFloat();
            assertEquals(djl, ours, 1e-6);
        }
    }
}
