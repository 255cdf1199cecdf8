package org.djx.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.HashMap;
import java.util.Map;

/**
 * Wraps a plugin's loss so that DJL's per-batch loss accounting stays on the device (see
 * {@link DeviceSums}) and reuses the value computed for the backward pass instead of computing the
 * loss a second time. The value reported is DJL's: the mean of the per-batch mean losses.
 */
final class DeviceLoss extends Loss {

    private final Loss loss;
    private final DeviceSums sums;
    /** The last loss computed per device, with the predictions it was computed from. */
    private final Map<Device, Map.Entry<NDList, NDArray>> last = new HashMap<>();

    DeviceLoss(Loss loss, NDManager manager) {
        super(loss.getName());
        this.loss = loss;
        this.sums = new DeviceSums(manager);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray value = loss.evaluate(labels, predictions);
        last.put(value.getDevice(), Map.entry(predictions, value));
        return value;
    }

    @Override
    public void addAccumulator(String key) {
        sums.add(key);
    }

    @Override
    public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        Map.Entry<NDList, NDArray> cached = last.get(predictions.head().getDevice());
        NDArray value = cached != null && cached.getKey() == predictions ? cached.getValue() : loss.evaluate(labels, predictions);
        sums.update(keys, value, 1);
    }

    @Override
    public void updateAccumulator(String key, NDList labels, NDList predictions) {
        updateAccumulators(new String[] {key}, labels, predictions);
    }

    @Override
    public void resetAccumulator(String key) {
        sums.reset(key);
    }

    @Override
    public float getAccumulator(String key) {
        return sums.mean(key);
    }
}
