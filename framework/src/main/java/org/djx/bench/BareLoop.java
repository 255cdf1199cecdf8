package org.djx.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.djx.descriptor.Experiment;
import org.djx.model.ModelPlanner;
import org.djx.plugin.LabeledImages;
import org.djx.training.DataSplit;
import org.djx.training.DeviceSelector;
import org.djx.training.ExperimentPlan;

/**
 * The same training with no djx at all: a DJL {@link Model} and {@link Trainer} with the same
 * block, loss, optimizer, engine, device and seed, and a plain loop over batches built once
 * before timing (forward, backward and update through a {@link GradientCollector}). Each step
 * reads its loss back, as a loop that logs its loss does; that is also what makes a step's time
 * real on engines that queue work asynchronously.
 */
final class BareLoop implements AutoCloseable {

    private final NDManager manager;
    private final Model model;
    private final Trainer trainer;
    private final Loss loss;
    private final List<NDList> train;
    private final List<NDList> inference;

    /** Builds the model, trainer and batches; nothing is timed yet. */
    BareLoop(ExperimentPlan plan, DataSplit data, BenchSettings settings) {
        Experiment e = plan.experiment();
        Engine engine = Engine.getEngine(e.engine());
        Device[] devices = DeviceSelector.select(e.devices(), engine.getGpuCount(), e.engine());
        engine.setRandomSeed((int) e.seed());
        int totalSteps = (settings.warmupPasses() + settings.repeats()) * settings.steps();
        Tracker learningRate = plan.schedule().plugin().build(plan.schedule().params(), (float) e.optimizer().learningRate(), totalSteps);
        loss = plan.loss().plugin().build(plan.loss().params());
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(plan.optimizer().plugin().build(plan.optimizer().params(), learningRate))
                .optDevices(devices);
        manager = engine.newBaseManager(devices[0]);
        model = Model.newInstance("bare", devices[0], engine.getEngineName());
        train = batches(manager, data.train(), settings.batchSize());
        inference = batches(manager, data.validation(), settings.batchSize());
        model.setBlock(ModelPlanner.build(plan.layers(), plan.input()));
        trainer = model.newTrainer(config);
        trainer.initialize(ModelPlanner.withBatch(plan.input(), settings.batchSize()));
    }

    /** One pass: every training batch once, then every inference batch once. */
    PassTiming pass() {
        long start = System.nanoTime();
        long[] stepEnds = new long[train.size()];
        for (int i = 0; i < train.size(); i++) {
            trainStep(train.get(i));
            stepEnds[i] = System.nanoTime();
        }
        long trainEnd = stepEnds[stepEnds.length - 1];
        for (NDList batch : inference) {
            inferenceStep(batch);
        }
        return new PassTiming(trainEnd - start, PassTiming.gaps(start, stepEnds), System.nanoTime() - trainEnd);
    }

    /** Forward, loss, backward and update; the step's arrays are freed when it ends. */
    private void trainStep(NDList batch) {
        try (NDManager step = manager.newSubManager()) {
            NDArray features = batch.get(0);
            NDArray labels = batch.get(1);
            features.tempAttach(step);
            labels.tempAttach(step);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(features), new NDList(labels));
                NDArray value = loss.evaluate(new NDList(labels), predictions);
                collector.backward(value);
                value.getFloat();
            }
            trainer.step();
        }
    }

    private void inferenceStep(NDList batch) {
        try (NDManager step = manager.newSubManager()) {
            NDArray features = batch.get(0);
            features.tempAttach(step);
            trainer.evaluate(new NDList(features)).head().toFloatArray();
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }

    /** Batches made once, as float32 pixels in [0, 1] and float32 labels, like djx's data path. */
    private static List<NDList> batches(NDManager manager, LabeledImages images, int batchSize) {
        Shape shape = new Shape(images.size(), images.channels(), images.height(), images.width());
        List<NDList> batches = new ArrayList<>();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray bytes = scratch.create(ByteBuffer.wrap(images.pixels()), shape, DataType.UINT8);
            NDArray features = bytes.toType(DataType.FLOAT32, false).divi(255f);
            float[] labelValues = new float[images.size()];
            for (int i = 0; i < labelValues.length; i++) {
                labelValues[i] = images.labels()[i];
            }
            NDArray labels = scratch.create(labelValues);
            for (int from = 0; from + batchSize <= images.size(); from += batchSize) {
                NDIndex range = new NDIndex(from + ":" + (from + batchSize));
                // owned copies: on PyTorch a slice is a view, and the labels' storage is the direct
                // buffer of an array closed with the scratch manager
                NDArray x = features.get(range).duplicate();
                NDArray y = labels.get(range).duplicate();
                x.attach(manager);
                y.attach(manager);
                batches.add(new NDList(x, y));
            }
        }
        return batches;
    }
}
