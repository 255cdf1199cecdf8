package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.djx.plugin.testing.SchedulePluginContract;

class CosineSchedulePluginTest extends SchedulePluginContract {

    @Override
    protected String type() {
        return "cosine";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected List<Map<String, Object>> moreValidParams() {
        return List.of(Map.of("final_fraction", 0.0, "steps", 30));
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("final_fraction", Map.of("final_fraction", 1));
    }

    @Test
    void annealsOverTheWholeRunByDefault() {
        Tracker tracker = plugin().build(params(Map.of("final_fraction", 0.0)), 1f, 100);
        assertEquals(1f, tracker.getNewValue(0), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(50), 1e-6);
        assertEquals(0f, tracker.getNewValue(100), 1e-6);
    }
}
