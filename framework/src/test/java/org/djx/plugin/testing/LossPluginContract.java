package org.djx.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import org.djx.plugin.LossPlugin;
import org.djx.plugin.PluginKind;
import org.junit.jupiter.api.Test;

/**
 * The contract every loss plugin's test extends: besides the checks of {@link PluginContract},
 * the loss is one finite number, and a prediction close to the labels scores lower than a far one.
 * Needs a DJL engine on the test class path.
 */
public abstract class LossPluginContract extends PluginContract<LossPlugin> {

    /** Labels for a small batch, in the form the training loop passes them. */
    protected abstract NDList labels(NDManager manager);

    /** A prediction (network output) that fits {@link #labels} well. */
    protected abstract NDList closePrediction(NDManager manager);

    /** A prediction that fits {@link #labels} badly. */
    protected abstract NDList farPrediction(NDManager manager);

    @Override
    final PluginKind kind() {
        return PluginKind.LOSS;
    }

    @Test
    void closePredictionsScoreLower() {
        Loss loss = plugin().build(params());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray close = loss.evaluate(labels(manager), closePrediction(manager));
            NDArray far = loss.evaluate(labels(manager), farPrediction(manager));
            assertEquals(1, close.size(), "a loss must reduce to one number, got shape " + close.getShape());
            assertTrue(Float.isFinite(close.getFloat()) && Float.isFinite(far.getFloat()), "loss is not finite");
            assertTrue(close.getFloat() < far.getFloat(), "close prediction " + close.getFloat() + " >= far " + far.getFloat());
        }
    }
}
