package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.djx.plugin.testing.SchedulePluginContract;

class MultiStepSchedulePluginTest extends SchedulePluginContract {

    @Override
    protected String type() {
        return "multi-step";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("steps", List.of(20, 50));
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("steps", 30, "factor", 0.5));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("steps", Map.of("steps", List.of(50, 20)), "factor", Map.of("steps", 10, "factor", 2));
    }

    @Test
    void decaysAfterEachListedStep() {
        Tracker tracker = plugin().build(params(Map.of("steps", List.of(20, 50), "factor", 0.1)), 1f, 100);
        assertEquals(1f, tracker.getNewValue(20), 1e-6);
        assertEquals(0.1f, tracker.getNewValue(21), 1e-6);
        assertEquals(0.01f, tracker.getNewValue(51), 1e-6);
    }

    @Test
    void oneStepIsEnough() {
        Tracker tracker = plugin().build(params(Map.of("steps", 5, "factor", 0.5)), 1f, 100);
        assertEquals(1f, tracker.getNewValue(5), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(1000), 1e-6);
    }
}
