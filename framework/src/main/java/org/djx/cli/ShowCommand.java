package org.djx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.djx.store.MetricRecord;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx show RUN_ID}: everything stored about one run. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run: status, provenance, params and per-epoch metrics.")
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
        try (ResultStore store = environment.openStore()) {
            RunRecord run = store.run(runId).orElseThrow(() -> new UserException("no run " + runId + " in " + environment.store));
            out.printf("run %d  experiment %s  status %s%n", run.id(), run.experiment(), run.status().label());
            out.printf("started %s  ended %s  epochs %d%n", run.startedAt(), run.endedAt(), run.epochs());
            out.printf("descriptor %s  hash %s%n", run.descriptorFile(), run.descriptorHash());
            if (run.error() != null) {
                out.println("error: " + run.error());
            }
            out.println();
            out.println("provenance:");
            run.provenance().forEach((k, v) -> out.printf("  %-16s %s%n", k, v));
            out.println();
            out.println("params:");
            store.params(runId).forEach((k, v) -> out.printf("  %-36s %s%n", k, v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v));
            out.println();
            List<MetricRecord> metrics = store.metrics(runId);
            TreeSet<String> names = new TreeSet<>();
            Map<Integer, Map<String, Double>> byEpoch = new TreeMap<>();
            for (MetricRecord m : metrics) {
                names.add(m.name());
                byEpoch.computeIfAbsent(m.epoch(), e -> new LinkedHashMap<>()).put(m.name(), m.value());
            }
            List<String> cols = new ArrayList<>(names);
            out.print("epoch");
            cols.forEach(c -> out.printf(" %18s", c));
            out.println();
            byEpoch.forEach((epoch, row) -> {
                out.printf("%5d", epoch);
                cols.forEach(c -> out.printf(" %18s", row.containsKey(c) ? String.format("%.5g", row.get(c)) : "-"));
                out.println();
            });
        }
        out.flush();
        return 0;
    }

    /** The metrics of the last stored epoch. */
    static Map<String, Double> lastEpoch(List<MetricRecord> metrics) {
        Map<String, Double> last = new LinkedHashMap<>();
        int epoch = metrics.stream().mapToInt(MetricRecord::epoch).max().orElse(-1);
        metrics.stream().filter(m -> m.epoch() == epoch).forEach(m -> last.put(m.name(), m.value()));
        return last;
    }
}
