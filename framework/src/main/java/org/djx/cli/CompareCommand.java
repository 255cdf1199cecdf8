package org.djx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.djx.report.RunData;
import org.djx.report.Table;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx compare RUN_ID RUN_ID...}: runs side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare runs side by side: the params that differ, final and best metrics, and learning curves per epoch.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID", arity = "2..*", description = "Two or more runs.")
    List<Long> ids;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ResultStore store = environment.openExistingStore(spec.commandLine().getErr())) {
            List<RunRecord> runs = new ArrayList<>();
            for (long id : ids) {
                runs.add(environment.run(store, id));
            }
            List<RunData> data = RunData.load(store, runs);
            List<String> header = new ArrayList<>(List.of(""));
            runs.forEach(r -> header.add("run " + r.id()));

            List<List<Object>> rows = new ArrayList<>();
            rows.add(row("experiment", data, d -> d.run().experiment()));
            rows.add(row("status", data, d -> d.run().status().label()));
            rows.add(row("epochs", data, d -> d.run().epochs()));
            rows.add(row("duration (s)", data, RunData::durationSeconds));
            print(out, "runs", header, rows);

            List<String> differing = RunData.differingParams(data);
            rows = new ArrayList<>();
            for (String p : differing) {
                rows.add(row(p, data, d -> d.params().get(p)));
            }
            print(out, differing.isEmpty() ? "params: all the same" : "params that differ", header, rows);

            TreeSet<String> metrics = new TreeSet<>();
            data.forEach(d -> metrics.addAll(d.curves().keySet()));
            rows = new ArrayList<>();
            for (String m : metrics) {
                rows.add(row(m + " final", data, d -> d.finalValue(m)));
                rows.add(row(m + " best", data, d -> d.bestValue(m)));
            }
            print(out, "metrics (best: min for loss/error, else max)", header, rows);

            for (String m : RunData.mainMetrics(data)) {
                TreeSet<Integer> epochs = new TreeSet<>();
                data.forEach(d -> epochs.addAll(d.curves().getOrDefault(m, new TreeMap<>()).keySet()));
                List<String> curveHeader = new ArrayList<>(List.of("epoch"));
                runs.forEach(r -> curveHeader.add("run " + r.id()));
                rows = new ArrayList<>();
                for (int e : epochs) {
                    List<Object> row = new ArrayList<>(List.of(e));
                    data.forEach(d -> row.add(d.curves().getOrDefault(m, new TreeMap<>()).get(e)));
                    rows.add(row);
                }
                List<Object> spark = new ArrayList<>(List.of("curve"));
                data.forEach(d -> spark.add(Sparkline.of(d.curves().getOrDefault(m, new TreeMap<>()).values())));
                rows.add(spark);
                print(out, "learning curve: " + m, curveHeader, rows);
            }
        }
        out.flush();
        return 0;
    }

    private static List<Object> row(String label, List<RunData> data, java.util.function.Function<RunData, Object> value) {
        List<Object> row = new ArrayList<>(List.of(label));
        data.forEach(d -> row.add(value.apply(d)));
        return row;
    }

    private static void print(PrintWriter out, String title, List<String> header, List<List<Object>> rows) {
        out.println(title + ":");
        if (!rows.isEmpty()) {
            new Table(header, rows).write(out, Table.Format.TABLE);
        }
        out.println();
    }
}
