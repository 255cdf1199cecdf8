package org.djx.training;

import java.util.Map;
import org.djx.descriptor.Experiment;

/**
 * Stops a run when a recorded metric has not improved by at least {@code min_delta} for
 * {@code patience} evaluations in a row ({@code training.early_stopping}). An evaluation that
 * lacks the metric (e.g. no validation split) counts as no improvement. Not thread safe: one per run.
 */
public final class EarlyStopping implements EpochVerdict {

    private final Experiment.EarlyStopping rule;
    private double best = Double.NaN;
    private int stale;

    public EarlyStopping(Experiment.EarlyStopping rule) {
        this.rule = rule;
    }

    @Override
    public Decision after(int epoch, Map<String, Double> metrics) {
        Double value = metrics.get(rule.metric());
        if (value != null && !value.isNaN() && (Double.isNaN(best) || improves(value))) {
            best = value;
            stale = 0;
            return Decision.CONTINUE;
        }
        stale++;
        return stale >= rule.patience() ? Decision.STOP : Decision.CONTINUE;
    }

    private boolean improves(double value) {
        return rule.maximize() ? value > best + rule.minDelta() : value < best - rule.minDelta();
    }

    /** Why the run stopped, for the terminal. */
    String reason() {
        return "early stopping: " + rule.metric() + " has not improved by more than " + rule.minDelta() + " for "
                + rule.patience() + " evaluation(s); best " + best;
    }
}
