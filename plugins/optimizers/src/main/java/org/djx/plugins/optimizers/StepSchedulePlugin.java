package org.djx.plugins.optimizers;

import ai.djl.training.tracker.FactorTracker;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.SchedulePlugin;

/**
 * {@code step}: multiplies the learning rate by {@code factor} every {@code every} updates, never
 * going below {@code min_learning_rate} (DJL's {@link FactorTracker}, applied once per period).
 */
public final class StepSchedulePlugin implements SchedulePlugin {

    @Override
    public String description() {
        return "Step decay: learning rate times factor every N updates";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("every", ParamType.INT, "Updates (batches) between decays.").mandatory().atLeast(1),
                ParamSpec.of("factor", ParamType.NUMBER, "Multiplier applied at each decay.").withDefault(0.5).atLeast(0).below(1),
                ParamSpec.of("min_learning_rate", ParamType.NUMBER, "Floor for the learning rate.").withDefault(0.0).atLeast(0));
    }

    @Override
    public void validate(Params p) {
        if (p.getDouble("factor") == 0) {
            throw new org.djx.plugin.PluginParameterException("factor", "must be above 0");
        }
    }

    @Override
    public Tracker build(Params p, float baseLearningRate, long totalSteps) {
        // Not FactorTracker.optMinValue: it rounds the number of decays, so the floor may never be reached.
        FactorTracker decay = FactorTracker.builder().setBaseValue(baseLearningRate).setFactor(p.getFloat("factor")).build();
        int every = p.getInt("every");
        float floor = Math.min(p.getFloat("min_learning_rate"), baseLearningRate);
        return update -> Math.max(floor, decay.getNewValue(update / every));
    }
}
