package org.djx.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.djx.descriptor.Canonical;
import org.djx.descriptor.Experiment;
import org.djx.model.ModelPlanner;
import org.djx.store.MetricRecord;
import org.djx.store.ResultStore;
import org.djx.store.RunStatus;

/**
 * One training session of a run. Training is a sequence of evaluations: with {@code epochs},
 * one per pass over the training split; with {@code steps}, one every {@code eval_every} steps
 * (default: one pass), metric rows keyed by evaluation number. DJL's listeners see each
 * evaluation as an epoch, so its per-epoch accumulators give the interval's train metrics.
 */
final class TrainingLoop {

    private final ExperimentPlan plan;
    private final Experiment.Training training;
    private final DataSplit data;
    private final Engine engine;
    private final Device[] devices;
    private final ResultStore store;
    private final TrainingProgress progress;
    private final long runId;
    private final Checkpoints checkpoints;
    private final RunArtifacts.Position resumeFrom;
    private final EarlyStopping earlyStopping;
    private final List<EpochVerdict> verdicts = new ArrayList<>();
    private final long batchesPerEpoch;
    private final long totalSteps;
    private final long stepsPerEvaluation;

    private Map<String, Double> lastMetrics = Map.of();
    private volatile int lastEvaluation;

    /**
     * @param checkpoints where checkpoints go, or {@code null} to keep none
     * @param resumeFrom the checkpoint a resumed run continues after, or {@code null} for a fresh start
     * @param verdicts asked after every evaluation, after early stopping, whether to go on
     */
    TrainingLoop(ExperimentPlan plan, DataSplit data, Engine engine, Device[] devices, ResultStore store,
            TrainingProgress progress, long runId, Checkpoints checkpoints, RunArtifacts.Position resumeFrom,
            List<EpochVerdict> verdicts) {
        this.plan = plan;
        this.training = plan.experiment().training();
        this.data = data;
        this.engine = engine;
        this.devices = devices;
        this.store = store;
        this.progress = progress;
        this.runId = runId;
        this.checkpoints = checkpoints;
        this.resumeFrom = resumeFrom;
        this.earlyStopping = training.earlyStopping() == null ? null : new EarlyStopping(training.earlyStopping());
        if (earlyStopping != null) {
            this.verdicts.add(earlyStopping);
        }
        this.verdicts.addAll(verdicts);
        this.batchesPerEpoch = ceilDiv(data.train().size(), training.batchSize());
        boolean bySteps = training.steps() != null;
        this.totalSteps = bySteps ? training.steps() : batchesPerEpoch * training.epochs();
        this.stepsPerEvaluation = bySteps && training.evalEvery() != null ? training.evalEvery() : batchesPerEpoch;
        this.lastEvaluation = resumeFrom == null ? 0 : resumeFrom.evaluation();
    }

    long batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The metrics of the last evaluation (with the test metrics once tested); empty before the first. */
    Map<String, Double> lastMetrics() {
        return lastMetrics;
    }

    /** The last evaluation recorded in the store; read by the signal handler's thread. */
    int lastEvaluation() {
        return lastEvaluation;
    }

    /** Trains until the last evaluation, a verdict stops it, or {@code stopRequested} is set (then {@link StopOnSignal.Stopped}). */
    RunStatus run(AtomicBoolean stopRequested) {
        int batchSize = training.batchSize();
        int evaluations = (int) ceilDiv(totalSteps, stepsPerEvaluation);
        int firstEvaluation = resumeFrom == null ? 1 : resumeFrom.evaluation() + 1;
        long stepOffset = resumeFrom == null ? 0 : resumeFrom.step();
        // The optimizer counts its updates from 0 again after a resume; the schedule must not.
        Tracker schedule = plan.schedule().plugin().build(plan.schedule().params(),
                (float) plan.experiment().optimizer().learningRate(), totalSteps);
        Tracker learningRate = stepOffset == 0 ? schedule
                : update -> schedule.getNewValue((int) Math.min(Integer.MAX_VALUE, update + stepOffset));
        if (resumeFrom != null) {
            replayHistory(resumeFrom.evaluation());
        }
        // The decoded dataset lives where training runs when that is one device (a GPU then gathers
        // its own batches); with several devices it stays on the CPU and DJL splits each batch.
        Device dataDevice = devices.length == 1 ? devices[0] : Device.cpu();
        try (NDManager dataManager = engine.newBaseManager(dataDevice);
                Model model = Model.newInstance(plan.experiment().name(), devices[0], engine.getEngineName())) {
            ArrayDataset trainSet = EngineData.toDataset(dataManager, data.train(), batchSize, true);
            ArrayDataset validationSet = data.validation() == null ? null
                    : EngineData.toDataset(dataManager, data.validation(), batchSize, false);
            SequentialBlock block = ModelPlanner.build(plan.layers(), plan.input());
            model.setBlock(block);
            EvaluatorTrainingListener evaluators = new EvaluatorTrainingListener();
            EpochRecorder recorder = new EpochRecorder(evaluators, schedule, stepsPerEvaluation, progress,
                    (epoch, metrics) -> record(epoch, metrics, block));
            DefaultTrainingConfig config = new DefaultTrainingConfig(plan.loss().plugin().build(plan.loss().params()))
                    .optOptimizer(plan.optimizer().plugin().build(plan.optimizer().params(), learningRate))
                    .optDevices(devices)
                    .addEvaluator(new Accuracy("accuracy"))
                    .addTrainingListeners(evaluators, recorder, new DivergenceGuard(recorder), new StopOnSignal(stopRequested));
            if (resumeFrom != null) {
                // Parameters go in before the trainer exists: its initialize() keeps initialized ones.
                block.initialize(model.getNDManager(), DataType.FLOAT32, ModelPlanner.withBatch(plan.input(), batchSize));
                checkpoints.restoreLast(block, model.getNDManager());
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(ModelPlanner.withBatch(plan.input(), batchSize));
                if (resumeFrom == null && checkpoints != null) {
                    checkpoints.saveRunFiles(Canonical.json(plan.effective()), data.train().classes());
                }
                recorder.startAt(stepOffset);
                Iterator<Batch> batches = trainer.iterateDataset(trainSet).iterator();
                long step = stepOffset;
                for (int evaluation = firstEvaluation; evaluation <= evaluations; evaluation++) {
                    recorder.beginEpoch(evaluation);
                    for (long until = stepsAt(evaluation); step < until; step++) {
                        if (!batches.hasNext()) {
                            batches = trainer.iterateDataset(trainSet).iterator();
                        }
                        try (Batch batch = batches.next()) {
                            EasyTrain.trainBatch(trainer, batch);
                            trainer.step();
                        }
                    }
                    if (validationSet != null) {
                        EasyTrain.evaluateDataset(trainer, validationSet);
                    }
                    trainer.notifyListeners(listener -> listener.onEpoch(trainer));
                    for (EpochVerdict verdict : verdicts) {
                        EpochVerdict.Decision decision = verdict.after(evaluation, lastMetrics);
                        if (decision == EpochVerdict.Decision.STOP) {
                            if (verdict == earlyStopping) {
                                progress.note(earlyStopping.reason());
                            }
                            testAtEnd(trainer, dataManager, evaluation);
                            return RunStatus.COMPLETED;
                        }
                        if (decision == EpochVerdict.Decision.PRUNE) {
                            return RunStatus.PRUNED;
                        }
                    }
                }
                testAtEnd(trainer, dataManager, evaluations);
                return RunStatus.COMPLETED;
            } catch (IOException | TranslateException x) {
                throw new TrainingException("training failed: " + x.getMessage(), x);
            }
        }
    }

    /** One evaluation's metrics: checkpoint first, then the store, so the store never runs ahead of the checkpoint. */
    private void record(int evaluation, Map<String, Double> metrics, Block block) {
        Double loss = metrics.get("train_loss");
        if (loss == null || loss.isNaN() || loss.isInfinite()) {
            throw new DivergedException("training diverged: train_loss is " + loss + " at evaluation " + evaluation
                    + "; try a lower optimizer.learning_rate");
        }
        if (training.steps() != null) {
            metrics.put("step", (double) stepsAt(evaluation));
        }
        lastMetrics = metrics;
        if (checkpoints != null) {
            checkpoints.save(evaluation, stepsAt(evaluation), metrics, block);
        }
        store.recordEpoch(runId, evaluation, metrics);
        lastEvaluation = evaluation;
        progress.epoch(evaluation, metrics);
    }

    /** How many optimizer steps the run has taken once {@code evaluation} is done. */
    private long stepsAt(int evaluation) {
        return Math.min(totalSteps, evaluation * stepsPerEvaluation);
    }

    /** Rebuilds early-stopping and best-checkpoint state from the metrics stored before the checkpoint. */
    private void replayHistory(int upTo) {
        Map<Integer, Map<String, Double>> rows = new TreeMap<>();
        for (MetricRecord m : store.metrics(runId)) {
            if (m.epoch() <= upTo && !Double.isNaN(m.value())) {
                rows.computeIfAbsent(m.epoch(), k -> new LinkedHashMap<>()).put(m.name(), m.value());
            }
        }
        rows.forEach((evaluation, metrics) -> {
            if (earlyStopping != null) {
                earlyStopping.after(evaluation, metrics);
            }
            if (checkpoints != null) {
                checkpoints.replay(metrics);
            }
            lastMetrics = metrics;
        });
    }

    /** With {@code split.from: train} the dataset's test part is evaluated once, with the final parameters. */
    private void testAtEnd(Trainer trainer, NDManager dataManager, int evaluation) throws IOException, TranslateException {
        if (data.test() == null || data.test().size() == 0) {
            return;
        }
        ArrayDataset testSet = EngineData.toDataset(dataManager, data.test(), training.batchSize(), false);
        Map<String, Double> test = EvaluationPass.metrics(trainer, testSet, "test_");
        store.recordEpoch(runId, evaluation, test);
        Map<String, Double> merged = new LinkedHashMap<>(lastMetrics);
        merged.putAll(test);
        lastMetrics = merged;
        progress.tested(data.test().size(), test);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
