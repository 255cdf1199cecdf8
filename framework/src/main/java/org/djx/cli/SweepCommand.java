package org.djx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.djx.store.SweepRecord;
import org.djx.store.TrialRecord;
import org.djx.sweep.SweepSetup;
import org.djx.sweep.SweepWorker;
import org.djx.sweep.WorkerProcesses;
import org.djx.training.DataSplit;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;
import org.djx.training.TrainingProgress;
import org.djx.training.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code djx sweep FILE.yaml}: creates (or resumes) the sweep a descriptor's {@code sweep:}
 * section describes, runs its trials in this process or in {@code --workers N} worker processes,
 * and prints the best trial and every trial sorted by the objective.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a hyperparameter sweep: every trial is an ordinary run tied to its sweep.",
                "Running it again with the same descriptor resumes it; 'djx sweep status ID' shows progress."},
        subcommands = SweepCommand.Status.class)
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.yaml", arity = "0..1", description = "Experiment descriptor with a sweep: section.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a base descriptor value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Worker processes sharing the store; each gets cores/N engine threads (default: ${DEFAULT-VALUE}, in this process).")
    int workers;

    @Option(names = "--max-trials", paramLabel = "N", description = "Cap the sweep at N trials in all (a later run may raise it).")
    Integer maxTrials;

    @Option(names = "--new", description = "Start a new sweep even if this experiment has one (required after changing the descriptor).")
    boolean fresh;

    @Option(names = {"-q", "--quiet"}, description = "Print one line per trial, not per epoch.")
    boolean quiet;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (file == null) {
            throw new UserException("missing FILE.yaml: 'djx sweep FILE.yaml' runs a sweep, 'djx sweep status ID' shows one");
        }
        if (workers < 1) {
            throw new UserException("--workers must be at least 1, got " + workers);
        }
        if (maxTrials != null && maxTrials < 1) {
            throw new UserException("--max-trials must be at least 1, got " + maxTrials);
        }
        PrintWriter out = spec.commandLine().getOut();
        PluginCatalog catalog = environment.plugins(spec.commandLine().getErr());
        ExperimentPlan base = ExperimentPlanner.plan(file, overrides, catalog);
        // Loaded before the store is touched: a dataset every trial needs is one clear error, not
        // a failed trial each, and nothing is stored for a sweep that cannot run.
        DataSplit baseData = ExperimentRunner.loadData(base);
        try (SqliteResultStore store = environment.openStore()) {
            SweepSetup.Prepared prepared = SweepSetup.prepare(store, base, overrides, catalog, maxTrials, fresh);
            SweepRecord sweep = prepared.sweep();
            long id = sweep.id();
            out.printf("%s sweep %d of %s: %s, objective %s %s; %d new trial(s), %d queued again; store %s%n",
                    prepared.resumed() ? "resuming" : "created", id, sweep.experiment(), sweep.strategy(),
                    sweep.maximize() ? "maximize" : "minimize", sweep.objectiveMetric(), prepared.added(), prepared.requeued(),
                    environment.store);
            out.flush();
            if (workers == 1) {
                TrainingProgress progress = quiet ? TrainingProgress.SILENT : new ConsoleProgress(out, false, false);
                SweepWorker worker = new SweepWorker(store, catalog, progress, new SweepListenerConsole(out, sweep.objectiveMetric()),
                        ExperimentRunner.artifactsRootFor(environment.store));
                worker.reuseData(base, baseData);
                worker.run(id);
            } else {
                baseData = null; // each worker process loads its own; let this copy go
                runWorkerProcesses(id, out);
            }
            List<TrialRecord> trials = store.trials(id);
            boolean finished = trials.stream().allMatch(t -> t.status().isFinal());
            if (finished) {
                store.setSweepStatus(id, "completed");
            }
            out.println();
            SweepTable.progress(out, store.sweep(id).orElseThrow(), trials);
            SweepTable.best(out, sweep, trials);
            SweepTable.table(out, sweep, trials);
            if (!finished) {
                out.printf("some trials are unfinished; run 'djx sweep %s' again to resume%n", file);
            }
            out.flush();
            boolean anyCompleted = trials.stream().anyMatch(t -> t.status() == RunStatus.COMPLETED);
            return finished && anyCompleted ? 0 : UserErrors.FAILED;
        }
    }

    private void runWorkerProcesses(long id, PrintWriter out) {
        List<String> args = new ArrayList<>(List.of("worker", Long.toString(id), "--store", environment.store.toString()));
        for (Path dir : environment.pluginPath) {
            args.add("--plugin-path");
            args.add(dir.toString());
        }
        if (quiet) {
            args.add("--quiet");
        }
        out.printf("starting %d worker processes with %d engine thread(s) each%n", workers, WorkerProcesses.threadsPerWorker(workers));
        out.flush();
        List<Process> processes = WorkerProcesses.start(workers, args, out);
        Thread stopWorkers = new Thread(() -> processes.forEach(Process::destroy), "djx-stop-workers");
        Runtime.getRuntime().addShutdownHook(stopWorkers);
        try {
            for (int i = 0; i < processes.size(); i++) {
                int status = processes.get(i).waitFor();
                if (status != 0) {
                    out.printf("worker %d exited with status %d%n", i + 1, status);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processes.forEach(Process::destroy);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWorkers);
            } catch (IllegalStateException shuttingDown) {
                // the hook is stopping the workers
            }
        }
    }

    /** {@code djx sweep status SWEEP_ID}: progress, best trial and the trials table of a sweep. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a sweep's progress and its trials.")
    static final class Status implements Callable<Integer> {

        @Parameters(paramLabel = "SWEEP_ID", description = "The sweep's id, as 'djx sweep' printed it.")
        long sweepId;

        @Mixin
        Environment environment;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SqliteResultStore store = environment.openExistingStore(null)) {
                SweepRecord sweep = environment.sweep(store, sweepId);
                List<TrialRecord> trials = store.trials(sweepId);
                SweepTable.progress(out, sweep, trials);
                SweepTable.best(out, sweep, trials);
                SweepTable.table(out, sweep, trials);
                out.flush();
                return 0;
            }
        }
    }
}
