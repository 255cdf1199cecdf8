package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.djx.plugin.testing.SchedulePluginContract;

class WarmUpSchedulePluginTest extends SchedulePluginContract {

    @Override
    protected String type() {
        return "warmup";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("steps", 10);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("steps", 5, "begin_fraction", 0.1, "mode", "constant", "then", "cosine"), Map.of("steps", 200, "then", "cosine"));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("steps", Map.of(), "then", Map.of("steps", 10, "then", "linear"));
    }

    @Test
    void rampsUpLinearlyThenHolds() {
        Tracker tracker = plugin().build(params(Map.of("steps", 10)), 1f, 100);
        assertEquals(0f, tracker.getNewValue(0), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(5), 1e-6);
        assertEquals(1f, tracker.getNewValue(10), 1e-6);
        assertEquals(1f, tracker.getNewValue(99), 1e-6);
    }

    @Test
    void annealsAfterWarmUpWithCosine() {
        Tracker tracker = plugin().build(params(Map.of("steps", 10, "then", "cosine", "final_fraction", 0.0)), 1f, 110);
        assertEquals(1f, tracker.getNewValue(10), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(60), 1e-6);
    }
}
