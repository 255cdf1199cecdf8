package org.djx.plugin.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import org.djx.plugin.PluginKind;
import org.djx.plugin.SchedulePlugin;
import org.junit.jupiter.api.Test;

/**
 * The contract every learning-rate schedule's test extends: besides the checks of
 * {@link PluginContract}, the tracker gives a finite, positive rate no larger than the base rate
 * for every update of the run and after it.
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
    void ratesArePositiveAndAtMostTheBaseRate() {
        float base = 0.1f;
        Tracker tracker = plugin().build(params(), base, totalSteps());
        for (int update = 0; update <= totalSteps() + 10; update++) {
            float rate = tracker.getNewValue(update);
            assertTrue(Float.isFinite(rate) && rate > 0 && rate <= base * 1.0001f,
                    "update " + update + " gives learning rate " + rate + " (base " + base + ")");
        }
    }
}
