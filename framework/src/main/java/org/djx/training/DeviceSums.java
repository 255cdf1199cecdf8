package org.djx.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.listener.EvaluatorTrainingListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Running sums of per-batch metric values, kept on the device the values were computed on and
 * copied to the host only when read. DJL's evaluators copy every batch's value to the host, which
 * makes the JVM wait for the engine twice per batch; this lets it queue the next batch instead.
 *
 * <p>DJL also keeps per-batch and progress accumulators ({@code train/all}, {@code train/progress}),
 * which it only reads when a {@code Metrics} object is attached to the trainer; djx attaches none,
 * so those are not kept (reading one gives NaN): each would cost engine operations per batch.
 *
 * <p>Used from the training thread only (DJL updates evaluators there).
 */
final class DeviceSums {

    private static final Set<String> NOT_KEPT = Set.of(EvaluatorTrainingListener.TRAIN_ALL, EvaluatorTrainingListener.TRAIN_PROGRESS);

    private final NDManager manager;
    private final Map<String, Map<Device, NDArray>> sums = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();

    /** @param manager owns the sums; it must live as long as the training (the model's manager) */
    DeviceSums(NDManager manager) {
        this.manager = manager;
    }

    void add(String key) {
        reset(key);
    }

    /** Adds {@code value} (summed to a scalar) and {@code count} to every key, without a host copy. */
    void update(String[] keys, NDArray value, long count) {
        boolean kept = false;
        for (String key : keys) {
            kept |= !NOT_KEPT.contains(key);
        }
        if (!kept) {
            return;
        }
        NDArray summed = value.getShape().isScalar() ? value : value.sum();
        NDArray scalar = summed.toType(DataType.FLOAT32, false);
        for (String key : keys) {
            if (NOT_KEPT.contains(key)) {
                continue;
            }
            Map<Device, NDArray> perDevice = sums.computeIfAbsent(key, k -> new HashMap<>());
            perDevice.computeIfAbsent(scalar.getDevice(), d -> manager.zeros(new Shape(), DataType.FLOAT32, d)).addi(scalar);
            counts.merge(key, count, Long::sum);
        }
        // Close only what was made here; the value itself belongs to the caller.
        if (summed != value) {
            summed.close();
        }
        if (scalar != summed) {
            scalar.close();
        }
    }

    void reset(String key) {
        Map<Device, NDArray> perDevice = sums.remove(key);
        if (perDevice != null) {
            perDevice.values().forEach(NDArray::close);
        }
        counts.put(key, 0L);
    }

    /** The sum divided by the count (NaN when nothing was added); this is where the host waits for the engine. */
    float mean(String key) {
        Long count = counts.get(key);
        if (count == null) {
            throw new IllegalArgumentException("no accumulator " + key);
        }
        if (count == 0) {
            return Float.NaN;
        }
        double total = 0;
        for (NDArray sum : sums.getOrDefault(key, Map.of()).values()) {
            total += sum.getFloat();
        }
        return (float) (total / count);
    }
}
