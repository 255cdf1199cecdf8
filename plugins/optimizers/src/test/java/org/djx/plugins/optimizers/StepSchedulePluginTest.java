package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.djx.plugin.testing.SchedulePluginContract;

class StepSchedulePluginTest extends SchedulePluginContract {

    @Override
    protected String type() {
        return "step";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("every", 10, "factor", 0.5);
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("every", 1, "factor", 0.5, "min_learning_rate", 0.01));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("every", Map.of(), "factor", Map.of("every", 10, "factor", 0));
    }

    @Test
    void halvesEveryPeriodDownToTheFloor() {
        Tracker tracker = plugin().build(params(Map.of("every", 10, "factor", 0.5, "min_learning_rate", 0.02)), 0.1f, 100);
        assertEquals(0.1f, tracker.getNewValue(9), 1e-7);
        assertEquals(0.05f, tracker.getNewValue(10), 1e-7);
        assertEquals(0.025f, tracker.getNewValue(25), 1e-7);
        assertEquals(0.02f, tracker.getNewValue(90), 1e-7);
    }
}
