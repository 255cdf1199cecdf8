package org.djx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.report.RunData;
import org.djx.report.Table;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code djx runs}: one row per run. By default the columns are the run's identity, the params
 * that differ between the listed runs, and the final and best value of the main metrics.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsDeleteCommand.class,
        description = {"List runs: one row per run with the params that differ and the final and best metrics.",
                "Fields for --where, --sort and --columns: params.KEY, metrics.NAME (final), metrics.NAME.best"
                        + " (max; min for names with 'loss'/'error'), id, status, experiment, sweep, epochs, duration (s), started."})
final class RunsCommand implements Callable<Integer> {

    @Mixin
    RunSelection selection;

    @Option(names = "--columns", paramLabel = "FIELD", split = ",", description = "Columns to show instead of the default ones (comma-separated).")
    List<String> columns;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Table.Format format;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ResultStore store = selection.open(environment, err)) {
            List<RunRecord> runs = selection.select(store, environment);
            List<RunData> data = RunData.loadSummaries(store, runs, columns);
            List<String> cols = columns == null || columns.isEmpty() ? RunData.defaultColumns(data) : new ArrayList<>(columns);
            if (selection.wantsStale() && columns == null) {
                cols.add(cols.indexOf("started") + 1, "heartbeat");
            }
            Table table = selection.wantsStale() ? staleTable(data, cols) : RunData.table(data, cols);
            if (format == Table.Format.TABLE && runs.isEmpty()) {
                err.println("djx: no runs match in " + environment.store);
                err.flush();
                return 0;
            }
            table.write(out, format);
        }
        return 0;
    }

    /** Stale runs also show when they last beat. */
    private static Table staleTable(List<RunData> data, List<String> cols) {
        List<String> fields = new ArrayList<>(cols);
        fields.remove("heartbeat");
        Table base = RunData.table(data, fields);
        int at = cols.indexOf("heartbeat");
        if (at < 0) {
            return base;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            List<Object> row = new ArrayList<>(base.rows().get(i));
            row.add(at, String.valueOf(data.get(i).run().heartbeatAt()));
            rows.add(row);
        }
        return new Table(cols, rows);
    }
}
