package org.djx.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A DJL training listener that turns each epoch into one row of metrics: train and validation
 * loss and accuracy (from DJL's {@link EvaluatorTrainingListener}, which must be registered
 * before this one), learning rate, epoch seconds and training images per second. An "epoch" here
 * is one evaluation interval: a pass over the data, or {@code eval_every} steps. Nothing here syncs
 * with the device per batch; the metrics are read once per interval.
 */
final class EpochRecorder extends TrainingListenerAdapter {

    private final EvaluatorTrainingListener evaluations;
    private final Tracker learningRate;
    private final TrainingProgress progress;
    private final BiConsumer<Integer, Map<String, Double>> sink;
    private final long batchesPerEpoch;

    private int epoch;
    private long batch;
    private long steps;
    private long epochStart;
    private long trainEnd;
    private long trainImages;
    private boolean validated;

    EpochRecorder(EvaluatorTrainingListener evaluations, Tracker learningRate, long batchesPerEpoch,
            TrainingProgress progress, BiConsumer<Integer, Map<String, Double>> sink) {
        this.evaluations = evaluations;
        this.learningRate = learningRate;
        this.batchesPerEpoch = batchesPerEpoch;
        this.progress = progress;
        this.sink = sink;
    }

    /** Called before the first batch of each epoch (1-based). */
    void beginEpoch(int number) {
        epoch = number;
        batch = 0;
        trainImages = 0;
        trainEnd = 0;
        epochStart = System.nanoTime();
    }

    /** Steps already taken before this session (a resumed run), so the learning rate reads right. */
    void startAt(long step) {
        steps = step;
    }

    long steps() {
        return steps;
    }

    int epoch() {
        return epoch;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        batch++;
        steps++;
        trainImages += batchData.getBatch().getSize();
        trainEnd = System.nanoTime();
        progress.batch(epoch, batch, batchesPerEpoch);
    }

    @Override
    public void onEpoch(Trainer trainer) {
        long now = System.nanoTime();
        Map<String, Float> latest = evaluations.getLatestEvaluations();
        Map<String, Double> metrics = new LinkedHashMap<>();
        put(metrics, "train_loss", latest.get("train_loss"));
        put(metrics, "train_accuracy", latest.get("train_accuracy"));
        if (validated) {
            put(metrics, "validate_loss", latest.get("validate_loss"));
            put(metrics, "validate_accuracy", latest.get("validate_accuracy"));
        }
        metrics.put("learning_rate", (double) learningRate.getNewValue((int) Math.min(Integer.MAX_VALUE, steps)));
        double trainSeconds = ((trainEnd == 0 ? now : trainEnd) - epochStart) / 1e9;
        metrics.put("epoch_seconds", (now - epochStart) / 1e9);
        metrics.put("images_per_second", trainSeconds > 0 ? trainImages / trainSeconds : 0.0);
        validated = false;
        sink.accept(epoch, metrics);
    }

    @Override
    public void onValidationBatch(Trainer trainer, BatchData batchData) {
        validated = true;
    }

    private static void put(Map<String, Double> metrics, String name, Float value) {
        if (value != null) {
            metrics.put(name, value.doubleValue());
        }
    }
}
