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
import ai.djl.training.evaluator.Evaluator;
import ai.djl.nn.Block;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.djx.descriptor.Canonical;
import org.djx.descriptor.Experiment;
import org.djx.model.ModelPlanner;
import org.djx.plugin.DatasetException;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.LabeledImages;
import org.djx.store.MetricRecord;
import org.djx.store.NewRun;
import org.djx.store.RunRecord;
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

    private final ResultStore store;
    private final TrainingProgress progress;
    private final Path artifactsRoot;

    /** A runner that keeps no checkpoints. */
    public ExperimentRunner(ResultStore store, TrainingProgress progress) {
        this(store, progress, null);
    }

    /**
     * @param artifactsRoot where checkpoints go ({@code ROOT/RUN_ID/}), usually {@code artifacts/}
     *     next to the store file; {@code null} keeps none
     */
    public ExperimentRunner(ResultStore store, TrainingProgress progress, Path artifactsRoot) {
        this.store = store;
        this.progress = progress;
        this.artifactsRoot = artifactsRoot;
    }

    /** The artifacts directory that belongs to a store file: {@code artifacts/} next to it. */
    public static Path artifactsRootFor(Path storeFile) {
        Path parent = storeFile.toAbsolutePath().getParent();
        return (parent == null ? Path.of(".") : parent).resolve("artifacts");
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
        return run(plan, data, options, null);
    }

    /**
     * Continues an interrupted run from its last checkpoint: same run id, the evaluations after the
     * checkpoint's. {@code plan} must be the run's own descriptor (the caller checks the hash).
     *
     * @throws TrainingException when the run cannot be resumed, saying why
     */
    public Outcome resume(long runId, ExperimentPlan plan) {
        RunRecord record = store.run(runId).orElseThrow(() -> new TrainingException("there is no run " + runId));
        if (record.status() == RunStatus.COMPLETED || record.status() == RunStatus.PRUNED) {
            throw new TrainingException("run " + runId + " is " + record.status().label() + "; only an interrupted or failed run can be resumed");
        }
        if (record.status() == RunStatus.RUNNING || record.status() == RunStatus.QUEUED) {
            throw new TrainingException("run " + runId + " is still " + record.status().label()
                    + " (its process may be alive); resume it once it is marked interrupted");
        }
        if (!record.descriptorHash().equals(plan.hash())) {
            throw new TrainingException("run " + runId + " was trained from a different descriptor (hash " + record.descriptorHash()
                    + ", now " + plan.hash() + "); start a new run instead");
        }
        RunArtifacts artifacts = artifactsRoot == null ? null : new RunArtifacts(artifactsRoot, runId);
        RunArtifacts.Position position = artifacts == null ? null : artifacts.lastPosition();
        if (position == null) {
            throw new TrainingException("run " + runId + " has no checkpoint to resume from"
                    + (artifacts == null ? "" : " (nothing in " + artifacts.dir() + ")"));
        }
        return run(plan, loadData(plan), Options.none(), new Resume(runId, position, artifacts));
    }

    /** Where a resumed run picks up. */
    private record Resume(long runId, RunArtifacts.Position position, RunArtifacts artifacts) {}

    private Outcome run(ExperimentPlan plan, DataSplit data, Options options, Resume resume) {
        Experiment e = plan.experiment();
        checkDataFitsModel(plan, data.train());
        Engine engine = engine(e.engine(), e.training().threads());
        Device[] devices = DeviceSelector.select(e.devices(), engine.getGpuCount(), e.engine());
        engine.setRandomSeed((int) e.seed());

        Map<String, String> provenance = provenance(engine, devices, e);
        provenance.put("plugins", pluginJars(plan));
        if (options.sweepId() != null) {
            provenance.put("sweep_id", options.sweepId().toString());
            provenance.put("trial", String.valueOf(options.trial()));
        }
        long runId;
        if (resume == null) {
            runId = store.startRun(new NewRun(e.name(), plan.hash(), Canonical.json(plan.effective()),
                    plan.file().toString(), Canonical.flatten(plan.effective()), provenance, options.sweepId(), options.trial()));
        } else {
            runId = resume.runId();
            store.reopenRun(runId);
            provenance.put("resumed_from_evaluation", Integer.toString(resume.position().evaluation()));
            store.addProvenance(runId, provenance);
        }
        RunArtifacts artifacts = artifactsRoot == null || !e.checkpoint().enabled() && resume == null ? null
                : new RunArtifacts(artifactsRoot, runId);
        int[] lastEpoch = {resume == null ? 0 : resume.position().evaluation()};
        RunGuard guard = new RunGuard(store, runId);
        AtomicBoolean stopRequested = guard.cooperate(() -> " after evaluation " + lastEpoch[0]);
        Map<String, Double>[] last = new Map[] {Map.of()};
        try {
            progress.started(runId, plan, DeviceSelector.describe(devices), data.train().size(),
                    data.validation() == null ? 0 : data.validation().size(),
                    ceilDiv(data.train().size(), e.training().batchSize()));
            if (e.training().threads() != null && "MXNet".equals(engine.getEngineName())
                    && !e.training().threads().toString().equals(System.getenv("OMP_NUM_THREADS"))) {
                progress.note("note: MXNet takes its thread count from OMP_NUM_THREADS when it loads (now "
                        + System.getenv("OMP_NUM_THREADS") + "); run with OMP_NUM_THREADS=" + e.training().threads()
                        + " to apply training.threads");
            }
            if (resume != null) {
                progress.note("resuming run " + runId + " after evaluation " + resume.position().evaluation()
                        + " (step " + resume.position().step() + ")");
            }
            RunStatus status = new Training(plan, data, engine, devices, runId, artifacts, resume, last, lastEpoch,
                    options.verdicts(), stopRequested).run();
            guard.finish(status, null);
            return new Outcome(runId, status, last[0], null);
        } catch (StopOnSignal.Stopped s) {
            String reason = guard.interruptedMessage();
            guard.finish(RunStatus.INTERRUPTED, reason);
            return new Outcome(runId, RunStatus.INTERRUPTED, last[0], reason);
        } catch (DivergedException d) {
            guard.finish(RunStatus.FAILED, d.getMessage());
            return new Outcome(runId, RunStatus.FAILED, last[0], d.getMessage());
        } catch (RuntimeException | Error x) {
            guard.finish(RunStatus.FAILED, x.getClass().getSimpleName() + ": " + x.getMessage());
            throw x;
        } finally {
            guard.close();
        }
    }

    /** The loss became NaN or infinite. */
    static final class DivergedException extends RuntimeException {
        DivergedException(String message) {
            super(message);
        }
    }

    /**
     * One training session of a run. Training is a sequence of evaluations: with {@code epochs},
     * one per pass over the training split; with {@code steps}, one every {@code eval_every} steps
     * (default: one pass), metric rows keyed by evaluation number. DJL's listeners see each
     * evaluation as an epoch, so its per-epoch accumulators give the interval's train metrics.
     */
    private final class Training {
        private final ExperimentPlan plan;
        private final Experiment e;
        private final DataSplit data;
        private final Engine engine;
        private final Device[] devices;
        private final long runId;
        private final RunArtifacts artifacts;
        private final Resume resume;
        private final Map<String, Double>[] last;
        private final int[] lastEpoch;
        private final List<EpochVerdict> verdicts;
        private final EarlyStopping earlyStopping;
        private final AtomicBoolean stopRequested;
        private double bestCheckpoint = Double.NaN;
        private final java.util.Set<String> recordedArtifacts = new java.util.HashSet<>();

        Training(ExperimentPlan plan, DataSplit data, Engine engine, Device[] devices, long runId, RunArtifacts artifacts,
                Resume resume, Map<String, Double>[] last, int[] lastEpoch, List<EpochVerdict> verdicts, AtomicBoolean stopRequested) {
            this.stopRequested = stopRequested;
            this.plan = plan;
            this.e = plan.experiment();
            this.data = data;
            this.engine = engine;
            this.devices = devices;
            this.runId = runId;
            this.artifacts = artifacts;
            this.resume = resume;
            this.last = last;
            this.lastEpoch = lastEpoch;
            this.earlyStopping = e.training().earlyStopping() == null ? null : new EarlyStopping(e.training().earlyStopping());
            List<EpochVerdict> all = new ArrayList<>(verdicts);
            if (earlyStopping != null) {
                all.add(0, earlyStopping);
            }
            this.verdicts = all;
        }

        RunStatus run() {
            int batchSize = e.training().batchSize();
            long batchesPerEpoch = ceilDiv(data.train().size(), batchSize);
            boolean bySteps = e.training().steps() != null;
            long totalSteps = bySteps ? e.training().steps() : batchesPerEpoch * e.training().epochs();
            long stepsPerEvaluation = bySteps && e.training().evalEvery() != null ? e.training().evalEvery() : batchesPerEpoch;
            int evaluations = (int) ceilDiv(totalSteps, stepsPerEvaluation);
            int firstEvaluation = resume == null ? 1 : resume.position().evaluation() + 1;
            long stepOffset = resume == null ? 0 : resume.position().step();
            // The optimizer counts its updates from 0 again after a resume; the schedule must not.
            Tracker schedule = plan.schedule().plugin().build(plan.schedule().params(), (float) e.optimizer().learningRate(), totalSteps);
            Tracker learningRate = stepOffset == 0 ? schedule
                    : update -> schedule.getNewValue((int) Math.min(Integer.MAX_VALUE, update + stepOffset));
            if (resume != null) {
                replayHistory(resume.position().evaluation());
            }
            // The decoded dataset lives where training runs when that is one device (a GPU then gathers
            // its own batches); with several devices it stays on the CPU and DJL splits each batch.
            Device dataDevice = devices.length == 1 ? devices[0] : Device.cpu();
            try (NDManager dataManager = engine.newBaseManager(dataDevice);
                    Model model = Model.newInstance(e.name(), devices[0], engine.getEngineName())) {
                ArrayDataset trainSet = toDataset(dataManager, data.train(), batchSize, true);
                ArrayDataset validationSet = data.validation() == null ? null : toDataset(dataManager, data.validation(), batchSize, false);
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
                if (resume != null) {
                    // Parameters go in before the trainer exists: its initialize() keeps initialized ones.
                    block.initialize(model.getNDManager(), DataType.FLOAT32, ModelPlanner.withBatch(plan.input(), batchSize));
                    resume.artifacts().loadParameters(RunArtifacts.LAST, block, model.getNDManager());
                }
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(ModelPlanner.withBatch(plan.input(), batchSize));
                    if (resume == null && artifacts != null) {
                        artifacts.saveDescriptor(Canonical.json(plan.effective()));
                        artifacts.saveClasses(data.train().classes());
                        recordArtifactOnce(RunArtifacts.DESCRIPTOR);
                        recordArtifactOnce(RunArtifacts.CLASSES);
                    }
                    recorder.startAt(stepOffset);
                    Iterator<Batch> batches = trainer.iterateDataset(trainSet).iterator();
                    long step = stepOffset;
                    for (int evaluation = firstEvaluation; evaluation <= evaluations; evaluation++) {
                        recorder.beginEpoch(evaluation);
                        long until = Math.min(totalSteps, (long) evaluation * stepsPerEvaluation);
                        for (; step < until; step++) {
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
                            EpochVerdict.Decision decision = verdict.after(evaluation, last[0]);
                            if (decision == EpochVerdict.Decision.STOP) {
                                if (verdict == earlyStopping) {
                                    progress.note(earlyStopping.reason());
                                }
                                testAtEnd(trainer, dataManager, block, evaluation);
                                return RunStatus.COMPLETED;
                            }
                            if (decision == EpochVerdict.Decision.PRUNE) {
                                return RunStatus.PRUNED;
                            }
                        }
                    }
                    testAtEnd(trainer, dataManager, block, evaluations);
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
            if (e.training().steps() != null) {
                metrics.put("step", (double) Math.min(e.training().steps(), stepsAt(evaluation)));
            }
            last[0] = metrics;
            if (artifacts != null) {
                try {
                    Double value = metrics.get(e.checkpoint().metric());
                    boolean better = value != null && !value.isNaN() && (Double.isNaN(bestCheckpoint)
                            || (e.checkpoint().maximize() ? value > bestCheckpoint : value < bestCheckpoint));
                    // Without the metric (no validation split) the best checkpoint follows the last one.
                    if (better || value == null) {
                        bestCheckpoint = value == null ? Double.NaN : value;
                        artifacts.saveParameters(RunArtifacts.BEST, block);
                        recordArtifactOnce(RunArtifacts.BEST);
                    }
                    artifacts.saveParameters(RunArtifacts.LAST, block);
                    artifacts.savePosition(new RunArtifacts.Position(evaluation, stepsAt(evaluation)));
                    recordArtifactOnce(RunArtifacts.LAST);
                } catch (IOException x) {
                    throw new TrainingException("cannot write a checkpoint under " + artifacts.dir() + ": " + x.getMessage(), x);
                }
            }
            store.recordEpoch(runId, evaluation, metrics);
            lastEpoch[0] = evaluation;
            progress.epoch(evaluation, metrics);
        }

        /** The artifact's path never changes, so one row per name is written once per session. */
        private void recordArtifactOnce(String name) {
            if (recordedArtifacts.add(name)) {
                store.recordArtifact(runId, name, artifacts.file(name).toString());
            }
        }

        private long stepsAt(int evaluation) {
            long batchesPerEpoch = ceilDiv(data.train().size(), e.training().batchSize());
            long every = e.training().steps() != null && e.training().evalEvery() != null ? e.training().evalEvery() : batchesPerEpoch;
            long total = e.training().steps() != null ? e.training().steps() : batchesPerEpoch * e.training().epochs();
            return Math.min(total, evaluation * every);
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
                Double value = metrics.get(e.checkpoint().metric());
                if (value != null && (Double.isNaN(bestCheckpoint)
                        || (e.checkpoint().maximize() ? value > bestCheckpoint : value < bestCheckpoint))) {
                    bestCheckpoint = value;
                }
                last[0] = metrics;
            });
        }

        /** With {@code split.from: train} the dataset's test part is evaluated once, with the final parameters. */
        private void testAtEnd(Trainer trainer, NDManager dataManager, Block block, int evaluation) throws IOException, TranslateException {
            if (data.test() == null || data.test().size() == 0) {
                return;
            }
            ArrayDataset testSet = toDataset(dataManager, data.test(), e.training().batchSize(), false);
            Map<String, Double> test = evaluate(trainer, testSet, "test_");
            store.recordEpoch(runId, evaluation, test);
            Map<String, Double> merged = new LinkedHashMap<>(last[0]);
            merged.putAll(test);
            last[0] = merged;
            progress.tested(data.test().size(), test);
        }
    }

    /**
     * Evaluates the trainer's model on a dataset through DJL's validation path (so every listener
     * and evaluator sees it) and returns loss and accuracy, named with {@code prefix}.
     */
    static Map<String, Double> evaluate(Trainer trainer, ArrayDataset dataset, String prefix) throws IOException, TranslateException {
        for (Evaluator evaluator : trainer.getEvaluators()) {
            evaluator.resetAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH);
        }
        EasyTrain.evaluateDataset(trainer, dataset);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(prefix + "loss", (double) trainer.getLoss().getAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH));
        for (Evaluator evaluator : trainer.getEvaluators()) {
            if (evaluator != trainer.getLoss()) {
                metrics.put(prefix + evaluator.getName(), (double) evaluator.getAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH));
            }
        }
        for (Evaluator evaluator : trainer.getEvaluators()) {
            evaluator.resetAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH);
        }
        return metrics;
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

    /**
     * The named engine. {@code threads} reaches PyTorch through its system properties, read when
     * the engine first loads; MXNet's CPU kernels read {@code OMP_NUM_THREADS} when its native
     * library loads, which the launcher sets to every core (see README).
     */
    static Engine engine(String name, Integer threads) {
        if (threads != null && "PyTorch".equals(name)) {
            System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
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
        p.put("threads", e.training().threads() == null ? "all" : e.training().threads().toString());
        p.put("native_version", nativeVersion(engine));
        p.put("seed", Long.toString(e.seed()));
        p.put("pid", Long.toString(ProcessHandle.current().pid()));
        p.put("host", host());
        p.put("jvm_start", Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
        return p;
    }

    /** The native library's version where DJL tells it (PyTorch: libtorch; MXNet: the engine version is the native one). */
    private static String nativeVersion(Engine engine) {
        String v = engine.getVersion();
        try {
            Class<?> lib = Class.forName("ai.djl.pytorch.jni.LibUtils");
            if ("PyTorch".equals(engine.getEngineName())) {
                Object version = lib.getMethod("getVersion").invoke(null);
                return String.valueOf(version);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
            // not PyTorch, or no version to tell
        }
        return v;
    }

    /** Which jar (and version, when its manifest says) each plugin the run uses came from: "adam@djx-optimizers-1.0.jar, ...". */
    static String pluginJars(ExperimentPlan plan) {
        java.util.TreeMap<String, Object> used = new java.util.TreeMap<>();
        plan.layers().forEach(l -> used.put(l.type(), l.plugin()));
        for (var r : java.util.Arrays.asList(plan.dataset(), plan.loss(), plan.optimizer(), plan.schedule())) {
            if (r != null) {
                used.put(r.type(), r.plugin());
            }
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        used.forEach((type, plugin) -> out.add(type + "@" + origin(plugin.getClass())));
        return String.join(", ", out);
    }

    private static String origin(Class<?> type) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        try {
            var source = type.getProtectionDomain().getCodeSource();
            String where = source == null ? "built-in" : java.nio.file.Path.of(source.getLocation().toURI()).getFileName().toString();
            return version == null ? where : where + " " + version;
        } catch (java.net.URISyntaxException | RuntimeException x) {
            return "unknown";
        }
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
