package org.djx.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.util.Pair;

/** DJL's classification accuracy with its counts kept on the device until read (see {@link DeviceSums}). */
final class DeviceAccuracy extends Accuracy {

    private final DeviceSums correct;

    DeviceAccuracy(NDManager manager) {
        super("accuracy");
        this.correct = new DeviceSums(manager);
    }

    @Override
    public void addAccumulator(String key) {
        correct.add(key);
    }

    @Override
    public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        Pair<Long, NDArray> update = accuracyHelper(labels, predictions);
        try (NDArray hits = update.getValue()) {
            correct.update(keys, hits, update.getKey());
        }
    }

    @Override
    public void updateAccumulator(String key, NDList labels, NDList predictions) {
        updateAccumulators(new String[] {key}, labels, predictions);
    }

    @Override
    public void resetAccumulator(String key) {
        correct.reset(key);
    }

    @Override
    public float getAccumulator(String key) {
        return correct.mean(key);
    }
}
