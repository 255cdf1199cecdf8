package org.djx.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.store.SqliteResultStore;
import org.djx.sweep.SweepWorker;
import org.djx.training.TrainingProgress;
import org.djx.training.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx worker SWEEP_ID}: one more worker for a sweep; it runs queued trials until none is left. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run queued trials of a sweep until none is left (start as many as you like, on one store).")
final class WorkerCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SWEEP_ID", description = "The sweep's id, as 'djx sweep' printed it.")
    long sweepId;

    @Option(names = {"-q", "--quiet"}, description = "Print one line per trial, not per epoch.")
    boolean quiet;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginCatalog catalog = environment.plugins(spec.commandLine().getErr());
        try (SqliteResultStore store = environment.openExistingStore(null)) {
            String metric = environment.sweep(store, sweepId).objectiveMetric();
            TrainingProgress progress = quiet ? TrainingProgress.SILENT : new ConsoleProgress(out, false, false);
            SweepWorker worker = new SweepWorker(store, catalog, progress, new SweepListenerConsole(out, metric),
                    ExperimentRunner.artifactsRootFor(environment.store));
            out.printf("worker %s on sweep %d (OMP_NUM_THREADS=%s)%n", worker.name(), sweepId, System.getenv("OMP_NUM_THREADS"));
            out.flush();
            int ran = worker.run(sweepId);
            out.printf("worker %s ran %d trial(s); no trial is left in the queue%n", worker.name(), ran);
            out.flush();
            return 0;
        }
    }
}
