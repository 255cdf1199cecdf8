package org.djx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.djx.report.RunData;
import org.djx.report.Table;
import org.djx.store.MetricRecord;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx show RUN_ID}: everything stored about one run. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one run: status, times, provenance, params, final and best metrics, and per-epoch metrics.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID")
    long runId;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ResultStore store = environment.openExistingStore(spec.commandLine().getErr())) {
            RunRecord run = environment.run(store, runId);
            RunData data = RunData.load(store, List.of(run)).get(0);
            out.printf("run %d  experiment %s  status %s%n", run.id(), run.experiment(), run.status().label());
            out.printf("created %s  started %s  ended %s%n", run.createdAt(), run.startedAt(), run.endedAt() == null ? "-" : run.endedAt());
            out.printf("duration %s s  epochs %d  last heartbeat %s%n", Table.text(data.durationSeconds()), run.epochs(), run.heartbeatAt());
            out.printf("descriptor %s  hash %s%n", run.descriptorFile(), run.descriptorHash());
            if (run.error() != null) {
                out.println("error: " + run.error());
            }
            out.println();
            out.println("provenance:");
            new TreeMap<>(run.provenance()).forEach((k, v) -> out.printf("  %-16s %s%n", k, v));
            out.println();
            out.println("params:");
            data.params().forEach((k, v) -> out.printf("  %-36s %s%n", k, Table.text(v)));
            out.println();
            if (!data.curves().isEmpty()) {
                out.println("metrics:");
                out.printf("  %-20s %12s %12s  %s%n", "name", "final", "best", "curve (by epoch)");
                data.curves().forEach((name, curve) -> out.printf("  %-20s %12s %12s  %s%n", name, Table.text(data.finalValue(name)),
                        Table.text(data.bestValue(name)), Sparkline.of(curve.values())));
                out.println("  (best is the minimum for loss/error metrics, else the maximum)");
                out.println();
            }
            List<String> cols = new ArrayList<>(data.curves().keySet());
            Map<Integer, Map<String, Double>> byEpoch = new TreeMap<>();
            for (MetricRecord m : store.metrics(runId)) {
                byEpoch.computeIfAbsent(m.epoch(), e -> new TreeMap<>()).put(m.name(), m.value());
            }
            out.print("epoch");
            cols.forEach(c -> out.printf(" %18s", c));
            out.println();
            byEpoch.forEach((epoch, row) -> {
                out.printf("%5d", epoch);
                cols.forEach(c -> out.printf(" %18s", row.containsKey(c) && !row.get(c).isNaN() ? String.format(java.util.Locale.ROOT, "%.5g", row.get(c)) : "-"));
                out.println();
            });
        }
        out.flush();
        return 0;
    }
}
