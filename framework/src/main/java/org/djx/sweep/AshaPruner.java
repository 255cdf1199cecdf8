package org.djx.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.djx.store.SweepStore;
import org.djx.store.SweepStore.TrialMetric;
import org.djx.training.EpochVerdict;

/**
 * Asynchronous successive halving (ASHA): rungs at epochs r, r*eta, r*eta^2, ...; a trial that
 * reaches a rung goes on only if its objective there is among the best 1/eta of every trial that
 * reached that rung so far, itself included. Like Optuna's pruner, while fewer than eta trials
 * have reached a rung only the best of them goes on, because a stopped trial is never resumed.
 */
final class AshaPruner implements EpochVerdict {

    private final SweepStore store;
    private final long sweepId;
    private final int trial;
    private final String metric;
    private final boolean maximize;
    private final int firstRung;
    private final int eta;

    AshaPruner(SweepStore store, long sweepId, int trial, String metric, boolean maximize, int firstRung, int eta) {
        this.store = store;
        this.sweepId = sweepId;
        this.trial = trial;
        this.metric = metric;
        this.maximize = maximize;
        this.firstRung = Math.max(1, firstRung);
        this.eta = eta;
    }

    /** Whether {@code epoch} is a rung: r * eta^i. */
    boolean isRung(int epoch) {
        long rung = firstRung;
        while (rung < epoch) {
            rung *= eta;
        }
        return rung == epoch;
    }

    @Override
    public Decision after(int epoch, Map<String, Double> metrics) {
        Double value = metrics.get(metric);
        if (!isRung(epoch) || value == null || value.isNaN()) {
            return Decision.CONTINUE;
        }
        List<Double> competing = new ArrayList<>();
        for (TrialMetric m : store.metricAt(sweepId, metric, epoch)) {
            if (m.trial() != trial) {
                competing.add(m.value());
            }
        }
        competing.add(value);
        competing.sort(maximize ? Comparator.reverseOrder() : Comparator.naturalOrder());
        int promotable = Math.max(0, competing.size() / eta - 1);
        double threshold = competing.get(promotable);
        boolean keep = maximize ? value >= threshold : value <= threshold;
        return keep ? Decision.CONTINUE : Decision.PRUNE;
    }
}
