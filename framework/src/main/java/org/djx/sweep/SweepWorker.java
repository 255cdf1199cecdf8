package org.djx.sweep;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.djx.descriptor.Canonical;
import org.djx.descriptor.DescriptorException;
import org.djx.descriptor.SweepSection;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.store.RunStatus;
import org.djx.store.SweepRecord;
import org.djx.store.SweepStore;
import org.djx.store.TrialRecord;
import org.djx.training.DataSplit;
import org.djx.training.EpochVerdict;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;
import org.djx.training.ExperimentRunner;
import org.djx.training.TrainingProgress;

/**
 * Runs the trials of one sweep, one at a time, until none is queued. Several workers (threads or
 * processes, on one store) share the queue: each trial is claimed atomically, so it runs once.
 *
 * <p>A trial that fails (a bad combination, NaN, any exception) is recorded as failed with its
 * error and the worker goes on with the next. The dataset is loaded once per dataset spec and
 * reused by every trial of this worker. When the queue is empty the worker takes back trials
 * whose worker died, so a sweep finishes even when a worker is killed.
 */
public final class SweepWorker {

    private final SweepStore store;
    private final PluginCatalog catalog;
    private final TrainingProgress progress;
    private final SweepListener listener;
    private final String name = Workers.newName();
    private final Map<String, DataSplit> data = new HashMap<>();
    private final Path artifactsRoot;

    /**
     * @param artifactsRoot where trials keep their checkpoints (see {@link ExperimentRunner#artifactsRootFor}),
     *     or {@code null} for none
     */
    public SweepWorker(SweepStore store, PluginCatalog catalog, TrainingProgress progress, SweepListener listener,
            Path artifactsRoot) {
        this.store = store;
        this.catalog = catalog;
        this.progress = progress;
        this.listener = listener;
        this.artifactsRoot = artifactsRoot;
    }

    /** {@code host:pid}: how the store names this worker. */
    public String name() {
        return name;
    }

    /**
     * Hands this worker data already loaded for {@code plan} (the caller checked it before
     * creating the sweep), so trials with the same dataset settings do not load it again.
     */
    public void reuseData(ExperimentPlan plan, DataSplit split) {
        data.put(datasetKey(plan), split);
    }

    /**
     * Runs queued trials of the sweep until none is left; returns how many this worker ran.
     *
     * @throws SweepException when the sweep does not exist or its descriptor changed since it was created
     * @throws org.djx.plugin.DatasetException when the sweep's base dataset cannot be loaded; no trial is claimed then
     */
    public int run(long sweepId) {
        SweepRecord sweep = store.sweep(sweepId).orElseThrow(() -> new SweepException(
                "there is no sweep " + sweepId + " in this results store; 'djx sweep FILE.yaml' creates one"));
        ExperimentPlan base = ExperimentPlanner.plan(Path.of(sweep.descriptorFile()), sweep.overrides(), catalog);
        if (!base.hash().equals(sweep.descriptorHash())) {
            throw new SweepException("descriptor " + sweep.descriptorFile() + " changed since sweep " + sweepId
                    + " was created, so its trials would not be comparable; restore it, or start a new sweep with"
                    + " 'djx sweep " + sweep.descriptorFile() + " --new'");
        }
        SweepSection section = SweepSection.of(base.experiment());
        // What every trial shares is checked once, before claiming: a missing or unreadable dataset
        // is one error for the user, not a failed trial each. Trials that keep the base's dataset
        // reuse what was loaded here.
        data.computeIfAbsent(datasetKey(base), k -> ExperimentRunner.loadData(base));
        int ran = 0;
        while (true) {
            Optional<TrialRecord> claimed = store.claimTrial(sweepId, name);
            if (claimed.isEmpty()) {
                // Before leaving, take back trials of dead workers (interrupted ones get their retry now).
                Workers.recover(store, sweepId, sweep.maxRetries(), Set.of(RunStatus.INTERRUPTED));
                claimed = store.claimTrial(sweepId, name);
                if (claimed.isEmpty()) {
                    return ran;
                }
            }
            runTrial(sweep, section, claimed.get());
            ran++;
        }
    }

    private void runTrial(SweepRecord sweep, SweepSection section, TrialRecord trial) {
        long sweepId = sweep.id();
        int number = trial.number();
        listener.trialStarted(number, trial.overrides(), trial.attempts());
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "djx-trial-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> {
            try {
                store.trialHeartbeat(sweepId, number, name);
            } catch (RuntimeException ignored) {
                // a busy store skips one beat; the next one will do
            }
        }, Workers.HEARTBEAT.toSeconds(), Workers.HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        Thread onSignal = new Thread(() -> store.interruptTrial(sweepId, number, name, "interrupted by a signal"),
                "djx-trial-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        RunStatus status;
        String error = null;
        try {
            ExperimentPlan plan = ExperimentPlanner.plan(Path.of(sweep.descriptorFile()),
                    TrialOverrides.of(sweep.overrides(), trial.overrides()), catalog);
            DataSplit split = data.computeIfAbsent(datasetKey(plan), k -> ExperimentRunner.loadData(plan));
            ExperimentRunner runner = new ExperimentRunner(store, new AttachingProgress(sweepId, number), artifactsRoot);
            ExperimentRunner.Outcome outcome = runner.run(plan, split,
                    new ExperimentRunner.Options(sweepId, number, verdicts(section, sweepId, number, plan.experiment().training().epochs())));
            status = outcome.status();
            error = outcome.error();
        } catch (DescriptorException e) {
            status = RunStatus.FAILED;
            error = "invalid combination: " + e.getMessage().replace('\n', ';');
        } catch (VirtualMachineError e) {
            store.finishTrial(sweepId, number, name, RunStatus.FAILED, e.toString());
            throw e;
        } catch (RuntimeException | Error e) {
            status = RunStatus.FAILED;
            error = describe(e);
        } finally {
            heartbeat.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already recording the interruption
            }
        }
        store.finishTrial(sweepId, number, name, status, error);
        TrialRecord done = store.trial(sweepId, number).orElse(trial);
        listener.trialFinished(number, status, done.objective(), done.epochs(), error);
    }

    /** djx's own exceptions carry a message for the user; anything else is named too. */
    private static String describe(Throwable e) {
        if (e.getMessage() == null) {
            return e.toString();
        }
        return e.getClass().getName().startsWith("org.djx.") ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * The pruner the sweep asks for, reading the other trials' metrics from the store. It is not
     * asked after the last epoch: a trial that trained every epoch is complete, not pruned.
     */
    private List<EpochVerdict> verdicts(SweepSection section, long sweepId, int trial, int lastEpoch) {
        SweepSection.Pruner p = section.pruner();
        SweepSection.Objective o = section.objective();
        EpochVerdict pruner = switch (p.type()) {
            case "median" -> new MedianPruner(store, sweepId, trial, o.metric(), o.maximize(), p.warmup());
            case "asha" -> new AshaPruner(store, sweepId, trial, o.metric(), o.maximize(), p.warmup(), p.reduction());
            default -> null;
        };
        if (pruner == null) {
            return List.of();
        }
        return List.of((epoch, metrics) -> epoch >= lastEpoch ? EpochVerdict.Decision.CONTINUE : pruner.after(epoch, metrics));
    }

    /** Trials that differ only in model or optimizer share one loaded and split dataset. */
    @SuppressWarnings("unchecked")
    private static String datasetKey(ExperimentPlan plan) {
        return Canonical.json((Map<String, Object>) plan.effective().get("dataset"));
    }

    /** Forwards progress, and ties the run to its trial as soon as the run exists. */
    private final class AttachingProgress implements TrainingProgress {
        private final long sweepId;
        private final int trial;

        AttachingProgress(long sweepId, int trial) {
            this.sweepId = sweepId;
            this.trial = trial;
        }

        @Override
        public void started(long runId, ExperimentPlan plan, String device, int trainSize, int validationSize, long batches) {
            store.attachRun(sweepId, trial, runId);
            progress.started(runId, plan, device, trainSize, validationSize, batches);
        }

        @Override
        public void batch(int epoch, long batch, long batchesPerEpoch) {
            progress.batch(epoch, batch, batchesPerEpoch);
        }

        @Override
        public void epoch(int epoch, Map<String, Double> metrics) {
            progress.epoch(epoch, metrics);
        }

        @Override
        public void tested(int images, Map<String, Double> metrics) {
            progress.tested(images, metrics);
        }

        @Override
        public void note(String message) {
            progress.note(message);
        }
    }
}
