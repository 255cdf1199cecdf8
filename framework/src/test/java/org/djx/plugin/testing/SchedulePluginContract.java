package org.djx.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import org.djx.plugin.PluginKind;
import org.djx.plugin.SchedulePlugin;
import org.junit.jupiter.api.Test;

/**
 * The contract every learning-rate schedule's test extends: besides the checks of
 * {@link PluginContract}, the tracker gives a finite rate between 0 and the base rate for every
 * update of the run and after it, and not only zeros.
 */
public abstract class SchedulePluginContract extends PluginContract<SchedulePlugin> {

    /** The horizon passed to the schedule. */
    protected long totalSteps() {
        return 100;
    }

    @Override
    final PluginKind kind() {
        return PluginKind.SCHEDULE;
    }

    @Test
    void ratesStayBetweenZeroAndTheBaseRate() {
        float base = 0.1f;
        for (var raw : allValidParams()) {
            Tracker tracker = plugin().build(params(raw), base, totalSteps());
            boolean anyPositive = false;
            for (int update = 0; update <= totalSteps() + 10; update++) {
                float rate = tracker.getNewValue(update);
                assertTrue(Float.isFinite(rate) && rate >= 0 && rate <= base * 1.0001f,
                        "update " + update + " gives learning rate " + rate + " (base " + base + ") for " + raw);
                anyPositive |= rate > 0;
            }
            assertTrue(anyPositive, "every learning rate is 0 for " + raw);
        }
    }
}
