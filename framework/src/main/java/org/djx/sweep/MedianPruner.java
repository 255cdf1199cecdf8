package org.djx.sweep;

import java.util.List;
import java.util.Map;
import org.djx.store.RunStatus;
import org.djx.store.SweepStore;
import org.djx.store.SweepStore.TrialMetric;
import org.djx.training.EpochVerdict;

/**
 * Prunes a trial whose objective at epoch k is worse than the median of the completed trials at
 * epoch k, once it has trained more than {@code warmup} epochs. With no completed trial to compare
 * with yet, every trial goes on.
 */
final class MedianPruner implements EpochVerdict {

    private final SweepStore store;
    private final long sweepId;
    private final int trial;
    private final String metric;
    private final boolean maximize;
    private final int warmup;

    MedianPruner(SweepStore store, long sweepId, int trial, String metric, boolean maximize, int warmup) {
        this.store = store;
        this.sweepId = sweepId;
        this.trial = trial;
        this.metric = metric;
        this.maximize = maximize;
        this.warmup = warmup;
    }

    @Override
    public Decision after(int epoch, Map<String, Double> metrics) {
        Double value = metrics.get(metric);
        if (epoch <= warmup || value == null || value.isNaN()) {
            return Decision.CONTINUE;
        }
        List<TrialMetric> others = store.metricAt(sweepId, metric, epoch).stream()
                .filter(m -> m.trial() != trial && m.status() == RunStatus.COMPLETED)
                .toList();
        if (others.isEmpty()) {
            return Decision.CONTINUE;
        }
        double median = median(others.stream().mapToDouble(TrialMetric::value).sorted().toArray());
        boolean worse = maximize ? value < median : value > median;
        return worse ? Decision.PRUNE : Decision.CONTINUE;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
