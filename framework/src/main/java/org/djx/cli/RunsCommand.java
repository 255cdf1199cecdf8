package org.djx.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djx.store.MetricRecord;
import org.djx.store.ResultStore;
import org.djx.store.RunFilter;
import org.djx.store.RunRecord;
import org.djx.store.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx runs}: one line per stored run, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs in the results store.")
final class RunsCommand implements Callable<Integer> {

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment.")
    String experiment;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only runs in this status: ${COMPLETION-CANDIDATES}.")
    RunStatus status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default: ${DEFAULT-VALUE}; 0 for all).")
    int limit;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ResultStore store = environment.openStore()) {
            List<RunRecord> runs = store.runs(new RunFilter(experiment, status, limit));
            out.printf("%-5s %-20s %-11s %-20s %6s %10s %10s%n", "run", "experiment", "status", "started", "epochs", "val_acc", "val_loss");
            for (RunRecord r : runs) {
                Map<String, Double> last = ShowCommand.lastEpoch(store.metrics(r.id()));
                out.printf("%-5d %-20s %-11s %-20s %6d %10s %10s%n", r.id(), r.experiment(), r.status().label(),
                        r.startedAt() == null ? "" : r.startedAt().toString().substring(0, 19).replace('T', ' '), r.epochs(),
                        fmt(last.get("validate_accuracy")), fmt(last.get("validate_loss")));
            }
        }
        out.flush();
        return 0;
    }

    static String fmt(Double v) {
        return v == null || v.isNaN() ? "-" : String.format("%.4f", v);
    }

}
