package org.djx.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.djx.descriptor.Canonical;
import org.djx.descriptor.Experiment;
import org.djx.plugin.DatasetException;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.LabeledImages;
import org.djx.store.NewRun;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import org.djx.store.RunStatus;

/**
 * Runs one planned experiment: loads its data, picks engine and devices, trains with a DJL
 * {@link Trainer}, and records the run and every epoch's metrics in the store. This class owns the
 * run's life (start or resume, provenance, the {@link RunGuard}, how it ends); {@link TrainingLoop}
 * does the training itself.
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

    /**
     * The artifacts directory that belongs to a store file, next to it: {@code artifacts/} for the
     * default {@code djx.db}, {@code NAME-artifacts/} for {@code NAME.db}, so that two stores in one
     * directory never share a run's folder (their run ids overlap).
     */
    public static Path artifactsRootFor(Path storeFile) {
        Path absolute = storeFile.toAbsolutePath();
        Path parent = absolute.getParent() == null ? Path.of(".") : absolute.getParent();
        String name = absolute.getFileName().toString();
        if (name.equals("djx.db")) {
            return parent.resolve("artifacts");
        }
        int dot = name.lastIndexOf('.');
        return parent.resolve((dot > 0 ? name.substring(0, dot) : name) + "-artifacts");
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
        return run(plan, loadData(plan), Options.none(), new Resume(runId, position));
    }

    /** Where a resumed run picks up. */
    private record Resume(long runId, RunArtifacts.Position position) {}

    private Outcome run(ExperimentPlan plan, DataSplit data, Options options, Resume resume) {
        Experiment e = plan.experiment();
        checkDataFitsModel(plan, data.train());
        Engine engine = engine(e.engine(), e.training().threads());
        Device[] devices = DeviceSelector.select(e.devices(), engine.getGpuCount(), e.engine());
        engine.setRandomSeed((int) e.seed());

        Map<String, String> provenance = Provenance.of(plan, engine, devices);
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
        // A resumed run writes its checkpoints where it found them, even if the descriptor keeps none.
        Checkpoints checkpoints = artifactsRoot == null || !e.checkpoint().enabled() && resume == null ? null
                : new Checkpoints(new RunArtifacts(artifactsRoot, runId), e.checkpoint(), store, runId);
        TrainingLoop loop = new TrainingLoop(plan, data, engine, devices, store, progress, runId, checkpoints,
                resume == null ? null : resume.position(), options.verdicts());
        RunGuard guard = new RunGuard(store, runId);
        AtomicBoolean stopRequested = guard.cooperate(() -> " after evaluation " + loop.lastEvaluation());
        try {
            progress.started(runId, plan, DeviceSelector.describe(devices), data.train().size(),
                    data.validation() == null ? 0 : data.validation().size(), loop.batchesPerEpoch());
            noteIgnoredThreads(engine, e.training().threads());
            if (resume != null) {
                progress.note("resuming run " + runId + " after evaluation " + resume.position().evaluation()
                        + " (step " + resume.position().step() + ")");
            }
            RunStatus status = loop.run(stopRequested);
            guard.finish(status, null);
            return new Outcome(runId, status, loop.lastMetrics(), null);
        } catch (StopOnSignal.Stopped s) {
            String reason = guard.interruptedMessage();
            guard.finish(RunStatus.INTERRUPTED, reason);
            return new Outcome(runId, RunStatus.INTERRUPTED, loop.lastMetrics(), reason);
        } catch (DivergedException d) {
            guard.finish(RunStatus.FAILED, d.getMessage());
            return new Outcome(runId, RunStatus.FAILED, loop.lastMetrics(), d.getMessage());
        } catch (RuntimeException | Error x) {
            guard.finish(RunStatus.FAILED, x.getClass().getSimpleName() + ": " + x.getMessage());
            throw x;
        } finally {
            guard.close();
        }
    }

    /** MXNet reads its thread count once, when it loads, so {@code training.threads} can only be a hint. */
    private void noteIgnoredThreads(Engine engine, Integer threads) {
        if (threads != null && "MXNet".equals(engine.getEngineName())
                && !threads.toString().equals(System.getenv("OMP_NUM_THREADS"))) {
            progress.note("note: MXNet takes its thread count from OMP_NUM_THREADS when it loads (now "
                    + System.getenv("OMP_NUM_THREADS") + "); run with OMP_NUM_THREADS=" + threads
                    + " to apply training.threads");
        }
    }

    private static void checkDataFitsModel(ExperimentPlan plan, LabeledImages train) {
        Shape data = new Shape(train.channels(), train.height(), train.width());
        if (!data.equals(plan.input())) {
            throw new TrainingException("model.input is " + plan.input() + " but dataset '" + plan.dataset().type()
                    + "' has examples of shape " + data + "; set model.input: " + Arrays.toString(data.getShape()));
        }
        Shape out = plan.output();
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
}
