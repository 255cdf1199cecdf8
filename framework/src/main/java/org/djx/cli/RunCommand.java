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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx run FILE.yaml}: checks, trains and records one experiment. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Train one experiment and record it in the results store.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.yaml", description = "Experiment descriptor.")
    Path file;

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

    @Override
    public Integer call() {
        PluginCatalog catalog = environment.plugins(spec.commandLine().getErr());
        ExperimentPlan plan = ExperimentPlanner.plan(file, overrides, catalog);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut(), quiet, json);
        try (ResultStore store = environment.openStore(spec.commandLine().getErr())) {
            ExperimentRunner.Outcome outcome = new ExperimentRunner(store, progress).run(plan);
            progress.finished(outcome, environment.store);
            return outcome.status() == RunStatus.COMPLETED ? 0 : UserErrors.FAILED;
        }
    }
}
