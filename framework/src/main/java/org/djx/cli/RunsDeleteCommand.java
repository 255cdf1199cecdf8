package org.djx.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import org.djx.store.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx runs delete}: removes runs by id or by filter, after asking. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete runs (by id, or every run the filters select) with their params and metrics. Asks first unless --yes.")
final class RunsDeleteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID", arity = "0..*", description = "Runs to delete.")
    List<Long> ids = new ArrayList<>();

    @Mixin
    RunSelection selection;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean filtered = selection.experiment != null || selection.sweep != null || selection.status != null || selection.where != null;
        if (ids.isEmpty() && !filtered) {
            throw new UserException("runs delete: name the runs (RUN_ID...) or select them with --experiment, --sweep, --status or --where");
        }
        try (ResultStore store = environment.openExistingStore(err)) {
            List<RunRecord> chosen = new ArrayList<>();
            if (!ids.isEmpty()) {
                for (long id : ids) {
                    chosen.add(environment.run(store, id));
                }
                if (filtered) {
                    List<Long> matching = selection.select(store, environment).stream().map(RunRecord::id).toList();
                    chosen.removeIf(r -> !matching.contains(r.id()));
                }
            } else {
                chosen.addAll(selection.select(store, environment));
            }
            List<RunRecord> running = chosen.stream().filter(r -> r.status() == RunStatus.RUNNING).toList();
            chosen.removeAll(running);
            if (!running.isEmpty()) {
                err.println("djx: keeping " + running.size() + " running run(s) " + running.stream().map(RunRecord::id).toList()
                        + ": stop them first (or wait until they are found stale)");
            }
            if (chosen.isEmpty()) {
                err.println("djx: no runs to delete");
                err.flush();
                return 0;
            }
            List<Long> chosenIds = chosen.stream().map(RunRecord::id).toList();
            if (!yes) {
                out.print("Delete " + chosen.size() + " run(s) " + preview(chosenIds) + " from " + environment.store + "? [y/N] ");
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
                if (answer == null || !List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT))) {
                    out.println("Nothing deleted.");
                    out.flush();
                    return 1;
                }
            }
            int deleted = store.deleteRuns(chosenIds);
            out.println("Deleted " + deleted + " run(s).");
            out.flush();
        }
        return 0;
    }

    private static String preview(List<Long> ids) {
        return ids.size() <= 12 ? ids.toString() : ids.subList(0, 12) + " and " + (ids.size() - 12) + " more";
    }
}
