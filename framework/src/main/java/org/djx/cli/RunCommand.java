package org.djx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.store.ResultStore;
import org.djx.store.RunStatus;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;
import org.djx.training.ExperimentRunner;
import org.djx.training.RunArtifacts;
import org.djx.training.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx run FILE.yaml}: checks, trains and records one experiment. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Train one experiment and record it in the results store.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.yaml", arity = "0..1", description = "Experiment descriptor (not needed with --resume).")
    Path file;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = "Continue an interrupted run from its last checkpoint (same run id; its descriptor must be unchanged).")
    Long resume;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a descriptor value, e.g. optimizer.learning_rate=0.01 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only the final summary.")
    boolean quiet;

    @Option(names = "--json", description = "Print one JSON object per epoch on stdout, for scripts.")
    boolean json;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    private RunArtifacts storedArtifacts(long runId) {
        RunArtifacts artifacts = TrainedModel.artifactsOf(environment.store, runId);
        if (!artifacts.has(RunArtifacts.DESCRIPTOR)) {
            throw new UserException("run " + runId + " has no checkpoint to resume from (nothing in " + artifacts.dir() + ")");
        }
        return artifacts;
    }

    @Override
    public Integer call() {
        if (file == null && resume == null) {
            throw new UserException("give a descriptor FILE.yaml to run, or --resume RUN_ID");
        }
        PluginCatalog catalog = environment.plugins(spec.commandLine().getErr());
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut(), quiet, json);
        // A new run's descriptor is checked completely before the store is even opened, so a mistake
        // leaves no trace; a resumed run needs the store first, and never creates one.
        ExperimentPlan plan = resume == null ? ExperimentPlanner.plan(file, overrides, catalog) : null;
        if (resume != null && !java.nio.file.Files.exists(environment.store)) {
            throw new UserException("there is no results store at " + environment.store + ", so no run " + resume + " to resume");
        }
        try (ResultStore store = environment.openStore(spec.commandLine().getErr())) {
            ExperimentRunner runner = new ExperimentRunner(store, progress, ExperimentRunner.artifactsRootFor(environment.store));
            ExperimentRunner.Outcome outcome;
            if (resume != null) {
                environment.run(store, resume);
                // The stored descriptor by default; a FILE given too must plan to the same hash.
                ExperimentPlan resumed = file != null ? ExperimentPlanner.plan(file, overrides, catalog)
                        : TrainedModel.storedPlan(storedArtifacts(resume), overrides, catalog);
                outcome = runner.resume(resume, resumed);
            } else {
                outcome = runner.run(plan);
            }
            progress.finished(outcome, environment.store);
            return outcome.status() == RunStatus.COMPLETED ? 0 : UserErrors.FAILED;
        }
    }
}
