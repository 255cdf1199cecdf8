package org.djx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.djx.store.RunStatus;
import org.djx.store.SweepRecord;
import org.djx.store.TrialRecord;

/** Prints a sweep's progress, its best trial and a table of its trials sorted by the objective. */
final class SweepTable {

    private SweepTable() {}

    /** Trials with an objective value first, best first; then the others by number. */
    static List<TrialRecord> sorted(SweepRecord sweep, List<TrialRecord> trials) {
        Comparator<Double> byValue = sweep.maximize() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<TrialRecord> out = new ArrayList<>(trials);
        out.sort(Comparator.comparing((TrialRecord t) -> t.objective() == null)
                .thenComparing(t -> t.objective() == null ? 0.0 : t.objective(), byValue)
                .thenComparingInt(TrialRecord::number));
        return out;
    }

    /** The completed trial with the best objective. */
    static Optional<TrialRecord> best(SweepRecord sweep, List<TrialRecord> trials) {
        return sorted(sweep, trials).stream()
                .filter(t -> t.status() == RunStatus.COMPLETED && t.objective() != null)
                .findFirst();
    }

    static void progress(PrintWriter out, SweepRecord sweep, List<TrialRecord> trials) {
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        trials.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status.label()));
        out.printf("sweep %d of %s (%s, %s %s, created %s): %d trials: %s%n", sweep.id(), sweep.experiment(), sweep.strategy(),
                sweep.maximize() ? "maximize" : "minimize", sweep.objectiveMetric(), sweep.createdAt(), trials.size(),
                String.join(", ", parts));
    }

    static void best(PrintWriter out, SweepRecord sweep, List<TrialRecord> trials) {
        Optional<TrialRecord> best = best(sweep, trials);
        if (best.isEmpty()) {
            out.println("no trial has completed yet");
            return;
        }
        TrialRecord t = best.get();
        out.printf("best: trial %d (run %d): %s %.4f after %d epochs%s%n", t.number(), t.runId(), sweep.objectiveMetric(),
                t.objective(), t.epochs(), t.testAccuracy() == null ? "" : String.format("; test_accuracy %.4f", t.testAccuracy()));
        t.overrides().forEach((path, value) -> out.printf("  %s = %s%n", path, plain(value)));
    }

    static void table(PrintWriter out, SweepRecord sweep, List<TrialRecord> trials) {
        Set<String> paths = new LinkedHashSet<>();
        trials.forEach(t -> paths.addAll(t.overrides().keySet()));
        // The test column only when a trial has one: trials test only with dataset.split.from: train.
        boolean tested = trials.stream().anyMatch(t -> t.testAccuracy() != null);
        List<String> header = new ArrayList<>(List.of("trial", "status", sweep.objectiveMetric()));
        if (tested) {
            header.add("test_accuracy");
        }
        header.addAll(List.of("epochs", "attempts", "run"));
        header.addAll(paths);
        header.add("error");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (TrialRecord t : sorted(sweep, trials)) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t.number()));
            row.add(t.status().label());
            row.add(t.objective() == null ? "-" : String.format("%.4f", t.objective()));
            if (tested) {
                row.add(t.testAccuracy() == null ? "-" : String.format("%.4f", t.testAccuracy()));
            }
            row.add(Integer.toString(t.epochs()));
            row.add(Integer.toString(t.attempts()));
            row.add(t.runId() == null ? "-" : t.runId().toString());
            for (String path : paths) {
                Object v = t.overrides().get(path);
                row.add(v == null ? "-" : plain(v));
            }
            String error = t.error() == null ? "" : t.error().replace('\n', ' ');
            row.add(error.length() > 80 ? error.substring(0, 77) + "..." : error);
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** A swept value as people write it: 0.000869, not 8.69E-4. */
    static String plain(Object value) {
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
