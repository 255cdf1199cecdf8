package org.djx.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.djx.descriptor.Canonical;
import org.djx.descriptor.Experiment;
import org.djx.model.ModelPlanner;
import org.djx.plugin.DatasetException;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.LabeledImages;
import org.djx.store.NewRun;
import org.djx.store.ResultStore;
import org.djx.store.RunStatus;

/**
 * Runs one planned experiment: loads its data, picks engine and devices, trains with a DJL
 * {@link Trainer}, and records the run and every epoch's metrics in the store.
 *
 * <p>Nothing is written to the store until the data is loaded and the engine is ready, so a
 * mistake found early leaves no run behind; once the run exists it always ends as completed,
 * failed or interrupted.
 */
public final class ExperimentRunner {

    private static final long HEARTBEAT_SECONDS = 10;

    private final ResultStore store;
    private final TrainingProgress progress;

    public ExperimentRunner(ResultStore store, TrainingProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    /** How a run ended. */
    public record Outcome(long runId, RunStatus status, Map<String, Double> lastMetrics, String error) {}

    /** Loads the dataset the plan names, with the plan's split. */
    public static DataSplit loadData(ExperimentPlan plan) {
        ImageDataset data;
        try {
            data = plan.dataset().plugin().load(plan.dataset().params());
        } catch (IOException e) {
            throw new DatasetException("cannot read dataset '" + plan.dataset().type() + "': " + e.getMessage(), e);
        }
        return DataSplit.of(data, plan.experiment().dataset());
    }

    /**
     * Extra context for a run.
     *
     * @param sweepId the sweep the run is a trial of, or {@code null}
     * @param trial the trial number within the sweep, or {@code null}
     * @param verdicts asked after every evaluation whether to go on (pruners, ...)
     */
    public record Options(Long sweepId, Integer trial, List<EpochVerdict> verdicts) {

        public static Options none() {
            return new Options(null, null, List.of());
        }
    }

    /** Trains the plan on freshly loaded data. */
    public Outcome run(ExperimentPlan plan) {
        return run(plan, loadData(plan), Options.none());
    }

    /** Trains the plan on data already loaded (sweeps reuse it across trials). */
    public Outcome run(ExperimentPlan plan, DataSplit data, Options options) {
        Experiment e = plan.experiment();
        checkDataFitsModel(plan, data.train());
        Engine engine = engine(e.engine());
        Device[] devices = DeviceSelector.select(e.devices(), engine.getGpuCount(), e.engine());
        engine.setRandomSeed((int) e.seed());

        Map<String, String> provenance = provenance(engine, devices, e);
        if (options.sweepId() != null) {
            provenance.put("sweep_id", options.sweepId().toString());
            provenance.put("trial", String.valueOf(options.trial()));
        }
        long runId = store.startRun(new NewRun(e.name(), plan.hash(), Canonical.json(plan.effective()),
                plan.file().toString(), Canonical.flatten(plan.effective()), provenance, options.sweepId(), options.trial()));
        AtomicBoolean ended = new AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            if (ended.compareAndSet(false, true)) {
                store.finishRun(runId, RunStatus.INTERRUPTED, "interrupted by a signal");
            }
        }, "djx-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "djx-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(runId);
            } catch (RuntimeException ignored) {
                // a busy store skips one beat; the next one will do
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        Map<String, Double>[] last = new Map[] {Map.of()};
        try {
            progress.started(runId, plan, DeviceSelector.describe(devices), data.train().size(),
                    data.validation() == null ? 0 : data.validation().size(),
                    ceilDiv(data.train().size(), e.training().batchSize()));
            RunStatus status = train(plan, data, engine, devices, runId, last, options.verdicts());
            finish(ended, runId, status, null);
            return new Outcome(runId, status, last[0], null);
        } catch (DivergedException d) {
            finish(ended, runId, RunStatus.FAILED, d.getMessage());
            return new Outcome(runId, RunStatus.FAILED, last[0], d.getMessage());
        } catch (RuntimeException | Error x) {
            finish(ended, runId, RunStatus.FAILED, x.getClass().getSimpleName() + ": " + x.getMessage());
            throw x;
        } finally {
            heartbeat.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and records the interruption
            }
        }
    }

    private void finish(AtomicBoolean ended, long runId, RunStatus status, String error) {
        if (ended.compareAndSet(false, true)) {
            store.finishRun(runId, status, error);
        }
    }

    /** The loss became NaN or infinite. */
    static final class DivergedException extends RuntimeException {
        DivergedException(String message) {
            super(message);
        }
    }

    /** Trains until the last epoch or a verdict stops it; returns the status the run ends in. */
    private RunStatus train(ExperimentPlan plan, DataSplit data, Engine engine, Device[] devices, long runId,
            Map<String, Double>[] last, List<EpochVerdict> verdicts) {
        Experiment e = plan.experiment();
        int batchSize = e.training().batchSize();
        long batchesPerEpoch = ceilDiv(data.train().size(), batchSize);
        long totalSteps = e.training().steps() != null ? e.training().steps() : batchesPerEpoch * e.training().epochs();
        Tracker learningRate = plan.schedule().plugin().build(plan.schedule().params(), (float) e.optimizer().learningRate(), totalSteps);
        try (NDManager dataManager = engine.newBaseManager(Device.cpu());
                Model model = Model.newInstance(e.name(), devices[0], engine.getEngineName())) {
            ArrayDataset trainSet = toDataset(dataManager, data.train(), batchSize, true);
            ArrayDataset validationSet = data.validation() == null ? null : toDataset(dataManager, data.validation(), batchSize, false);
            SequentialBlock block = ModelPlanner.build(plan.layers(), plan.input());
            model.setBlock(block);
            EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
            EpochRecorder recorder = new EpochRecorder(evaluations, learningRate, batchesPerEpoch, progress, (epoch, metrics) -> {
                last[0] = metrics;
                store.recordEpoch(runId, epoch, metrics);
                progress.epoch(epoch, metrics);
            });
            DefaultTrainingConfig config = new DefaultTrainingConfig(plan.loss().plugin().build(plan.loss().params()))
                    .optOptimizer(plan.optimizer().plugin().build(plan.optimizer().params(), learningRate))
                    .optDevices(devices)
                    .addEvaluator(new Accuracy("accuracy"))
                    .addTrainingListeners(evaluations, recorder);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(ModelPlanner.withBatch(plan.input(), batchSize));
                int epochs = e.training().epochs();
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    recorder.beginEpoch(epoch);
                    for (Batch batch : trainer.iterateDataset(trainSet)) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                        batch.close();
                    }
                    if (validationSet != null) {
                        EasyTrain.evaluateDataset(trainer, validationSet);
                    }
                    trainer.notifyListeners(listener -> listener.onEpoch(trainer));
                    Double loss = last[0].get("train_loss");
                    if (loss == null || loss.isNaN() || loss.isInfinite()) {
                        throw new DivergedException("training diverged: train_loss is " + loss + " at epoch " + epoch
                                + "; try a lower optimizer.learning_rate");
                    }
                    for (EpochVerdict verdict : verdicts) {
                        EpochVerdict.Decision decision = verdict.after(epoch, last[0]);
                        if (decision == EpochVerdict.Decision.STOP) {
                            return RunStatus.COMPLETED;
                        }
                        if (decision == EpochVerdict.Decision.PRUNE) {
                            return RunStatus.PRUNED;
                        }
                    }
                }
                return RunStatus.COMPLETED;
            } catch (IOException | TranslateException x) {
                throw new TrainingException("training failed while reading batches: " + x.getMessage(), x);
            }
        }
    }

    /** One engine array per split, built once: batches are gathered from it without Java copies. */
    static ArrayDataset toDataset(NDManager manager, LabeledImages images, int batchSize, boolean shuffle) {
        Shape shape = new Shape(images.size(), images.channels(), images.height(), images.width());
        NDArray features;
        try (NDArray bytes = manager.create(ByteBuffer.wrap(images.pixels()), shape, DataType.UINT8)) {
            features = bytes.toType(DataType.FLOAT32, false).divi(255f);
        }
        float[] labels = new float[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.labels()[i];
        }
        return new ArrayDataset.Builder()
                .setData(features)
                .optLabels(manager.create(labels))
                .setSampling(batchSize, shuffle)
                .build();
    }

    private static void checkDataFitsModel(ExperimentPlan plan, LabeledImages train) {
        Shape data = new Shape(train.channels(), train.height(), train.width());
        if (!data.equals(plan.input())) {
            throw new TrainingException("model.input is " + plan.input() + " but dataset '" + plan.dataset().type()
                    + "' has examples of shape " + data + "; set model.input: " + java.util.Arrays.toString(data.getShape()));
        }
        Shape out = plan.shapes().get(plan.shapes().size() - 1).outputShape();
        int classes = train.classes().size();
        if (out.dimension() != 1 || out.get(0) < classes) {
            throw new TrainingException("the model ends with output shape " + out + " but the dataset has " + classes
                    + " classes; make the last layer {type: dense, units: " + classes + "}");
        }
    }

    private static Engine engine(String name) {
        try {
            return Engine.getEngine(name);
        } catch (IllegalArgumentException | EngineException x) {
            throw new TrainingException("engine " + name + " is not available: " + x.getMessage()
                    + " (installed engines: " + Engine.getAllEngines() + ")", x);
        }
    }

    private static Map<String, String> provenance(Engine engine, Device[] devices, Experiment e) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("engine", engine.getEngineName());
        p.put("engine_version", engine.getVersion());
        p.put("device", DeviceSelector.describe(devices));
        p.put("djl_version", Engine.getDjlVersion());
        p.put("java_version", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        p.put("omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        p.put("seed", Long.toString(e.seed()));
        p.put("pid", Long.toString(ProcessHandle.current().pid()));
        p.put("host", host());
        p.put("jvm_start", Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
        return p;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException x) {
            return "unknown";
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
