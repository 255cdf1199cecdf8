package org.djx.plugins.optimizers;

import java.util.List;
import java.util.Map;
import org.djx.plugin.testing.SchedulePluginContract;

class FixedSchedulePluginTest extends SchedulePluginContract {

    @Override
    protected String type() {
        return "fixed";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of();
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("every", Map.of("every", 10));
    }
}
