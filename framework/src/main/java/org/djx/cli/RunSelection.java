package org.djx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.djx.report.RunData;
import org.djx.store.ResultStore;
import org.djx.store.RunFilter;
import org.djx.store.RunRecord;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.djx.store.query.Sort;
import org.djx.store.query.Where;
import picocli.CommandLine.Option;

/** The options that pick runs, shared by {@code runs}, {@code export}, {@code report} and {@code runs delete}. */
final class RunSelection {

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment.")
    String experiment;

    @Option(names = "--sweep", paramLabel = "ID", description = "Only trials of this sweep.")
    Long sweep;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only runs in this status: queued, running, completed, failed, pruned, interrupted, or stale (running, but no heartbeat lately).")
    String status;

    @Option(names = "--where", paramLabel = "EXPR",
            description = "Filter, e.g. \"params.optimizer.learning_rate < 0.01 and (metrics.validate_accuracy.best > 0.9 or status = failed)\".")
    String where;

    @Option(names = "--sort", paramLabel = "KEY", description = "Order by a field (params.X, metrics.X, metrics.X.best, id, duration, ...); prefix - for descending. Default: newest first.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N runs (0: all).")
    int limit;

    boolean wantsStale() {
        return "stale".equalsIgnoreCase(status);
    }

    private RunStatus parsedStatus() {
        if (status == null) {
            return null;
        }
        if (wantsStale()) {
            return RunStatus.RUNNING;
        }
        for (RunStatus s : RunStatus.values()) {
            if (s.label().equals(status.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new UserException("--status: unknown status '" + status
                + "'; one of queued, running, completed, failed, pruned, interrupted, stale");
    }

    RunFilter filter() {
        if (limit < 0) {
            throw new UserException("--limit must be 0 (all) or more");
        }
        return new RunFilter(experiment, parsedStatus(), sweep, where == null ? null : Where.parse(where),
                sort == null ? null : Sort.parse(sort), limit);
    }

    /**
     * The selected runs. Stale runs (only asked for with {@code --status stale}) are those the
     * store would mark interrupted on the next open; the filter applies to them too.
     */
    List<RunRecord> select(ResultStore store, Environment environment) {
        RunFilter filter = filter();
        List<RunRecord> runs = store.runs(filter);
        if (!wantsStale()) {
            return runs;
        }
        List<Long> stale = store.staleRuns(environment.staleAfter()).stream().map(RunRecord::id).toList();
        List<RunRecord> out = new ArrayList<>();
        for (RunRecord r : runs) {
            if (stale.contains(r.id())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Opens the store: as-is when stale runs are asked for (so they are still there to list), else marking them. */
    SqliteResultStore open(Environment environment, PrintWriter err) {
        return wantsStale() ? environment.openStoreAsIs() : environment.openStore(err);
    }

    /** The selected runs with their params and curves (for {@code export} and {@code report}); the store is closed again. */
    List<RunData> load(Environment environment, PrintWriter err) {
        try (ResultStore store = open(environment, err)) {
            return RunData.load(store, select(store, environment));
        }
    }

    /** Words describing the selection, for report headers. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (experiment != null) {
            parts.add("experiment " + experiment);
        }
        if (sweep != null) {
            parts.add("sweep " + sweep);
        }
        if (status != null) {
            parts.add("status " + status);
        }
        if (where != null) {
            parts.add("where " + where);
        }
        return parts.isEmpty() ? "all runs" : String.join(", ", parts);
    }
}
