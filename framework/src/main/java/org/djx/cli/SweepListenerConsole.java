package org.djx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.store.RunStatus;
import org.djx.sweep.SweepListener;

/** One line when a trial starts and one when it ends. */
final class SweepListenerConsole implements SweepListener {

    private final PrintWriter out;
    private final String metric;

    SweepListenerConsole(PrintWriter out, String metric) {
        this.out = out;
        this.metric = metric;
    }

    @Override
    public void trialStarted(int trial, Map<String, Object> overrides, int attempt) {
        List<String> parts = new ArrayList<>();
        overrides.forEach((k, v) -> parts.add(k + "=" + SweepTable.plain(v)));
        out.printf("trial %d%s: %s%n", trial, attempt > 1 ? " (attempt " + attempt + ")" : "", String.join(" ", parts));
        out.flush();
    }

    @Override
    public void trialFinished(int trial, RunStatus status, Double objective, int epochs, String error) {
        StringBuilder line = new StringBuilder("trial " + trial + " " + status.label());
        if (status == RunStatus.PRUNED) {
            line.append(" at epoch ").append(epochs);
        }
        if (objective != null) {
            line.append(String.format(": best %s %.4f", metric, objective));
        }
        if (error != null) {
            line.append(": ").append(error.replace('\n', ' '));
        }
        out.println(line);
        out.flush();
    }
}
