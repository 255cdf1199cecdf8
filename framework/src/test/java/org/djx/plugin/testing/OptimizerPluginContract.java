package org.djx.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.PluginKind;
import org.junit.jupiter.api.Test;

/**
 * The contract every optimizer plugin's test extends: besides the checks of
 * {@link PluginContract}, a few steps with the valid parameters lower the loss of a tiny linear
 * least-squares problem (convex, so any working optimizer must make progress). Needs a DJL engine
 * on the test class path.
 */
public abstract class OptimizerPluginContract extends PluginContract<OptimizerPlugin> {

    /** The learning rate for the convex problem. */
    protected float learningRate() {
        return 0.05f;
    }

    /** How many updates to make. */
    protected int steps() {
        return 20;
    }

    @Override
    final PluginKind kind() {
        return PluginKind.OPTIMIZER;
    }

    @Test
    void fewStepsLowerTheLossOnAConvexProblem() {
        Engine.getInstance().setRandomSeed(7);
        try (Model model = Model.newInstance("optimizer-contract")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(plugin().build(params(), Tracker.fixed(learningRate())));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(32, 4));
                NDManager manager = trainer.getManager();
                NDArray x = manager.randomNormal(new Shape(32, 4));
                NDArray y = x.dot(manager.create(new float[] {2f, -3f, 0.5f, 1f}, new Shape(4, 1))).add(0.7f);
                float first = step(trainer, x, y);
                float last = first;
                for (int i = 1; i < steps(); i++) {
                    last = step(trainer, x, y);
                    assertTrue(Float.isFinite(last), "loss became " + last + " at step " + i);
                }
                assertTrue(last < first, "loss did not go down in " + steps() + " steps: " + first + " -> " + last);
            }
        }
    }

    private static float step(Trainer trainer, NDArray x, NDArray y) {
        float loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
            NDArray value = trainer.getLoss().evaluate(new NDList(y), new NDList(prediction));
            loss = value.getFloat();
            collector.backward(value);
        }
        trainer.step();
        return loss;
    }
}
