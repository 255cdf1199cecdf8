package org.djx.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.djx.report.Table;
import org.djx.store.QueryResult;
import org.djx.store.SqliteResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx query "SQL"}: read-only SQL over the store's tables and views. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one read-only SQL statement (SELECT or WITH) over the results store; anything that would write is refused.",
                "Views: run_summary (one row per run, final and best main metrics), run_metrics (final/best of every metric),",
                "params_long, run_params (JSON), params_wide, epoch_metrics, epochs_wide. Examples in results/queries/."})
final class QueryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SQL", arity = "0..1", description = "The statement (or use --file).")
    String sql;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE.sql", description = "Read the statement from a file, e.g. results/queries/best-runs.sql.")
    java.nio.file.Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Table.Format format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N rows (0: all; default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if ((sql == null) == (file == null)) {
            throw new UserException("query: give the SQL either as an argument or with --file, not " + (sql == null ? "neither" : "both"));
        }
        String text = sql;
        if (file != null) {
            if (!java.nio.file.Files.isReadable(file)) {
                throw new UserException("query: cannot read " + file);
            }
            text = java.nio.file.Files.readString(file);
        }
        if (!java.nio.file.Files.exists(environment.store)) {
            throw new UserException("no results store at " + environment.store + " (run an experiment first, or pass --store PATH)");
        }
        PrintWriter out = spec.commandLine().getOut();
        // Read-only all the way: the store is never opened for writing (no migration, no stale marking).
        QueryResult result = SqliteResultStore.query(environment.store, text, limit);
        new Table(result.columns(), result.rows()).write(out, format);
        if (result.truncated()) {
            spec.commandLine().getErr().println("djx: showing the first " + limit + " rows; use --limit 0 for all");
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
