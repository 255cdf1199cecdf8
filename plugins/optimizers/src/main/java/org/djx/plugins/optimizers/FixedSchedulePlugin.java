package org.djx.plugins.optimizers;

import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.Params;
import org.djx.plugin.SchedulePlugin;

/** {@code fixed}: the same learning rate for every update. */
public final class FixedSchedulePlugin implements SchedulePlugin {

    @Override
    public String description() {
        return "Constant learning rate";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public Tracker build(Params p, float baseLearningRate, long totalSteps) {
        return Tracker.fixed(baseLearningRate);
    }
}
