package org.djx.plugins.optimizers;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.SchedulePlugin;

/** {@code cosine}: half a cosine from the base learning rate down to a final one (DJL's {@link CosineTracker}). */
public final class CosineSchedulePlugin implements SchedulePlugin {

    @Override
    public String description() {
        return "Cosine annealing from the base learning rate to a final one";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("final_fraction", ParamType.NUMBER, "Final learning rate as a fraction of the base one.")
                        .withDefault(0.01).atLeast(0).below(1),
                ParamSpec.of("steps", ParamType.INT, "Updates over which to anneal (default: the whole run).").atLeast(1));
    }

    @Override
    public Tracker build(Params p, float baseLearningRate, long totalSteps) {
        return cosine(baseLearningRate, p.getFloat("final_fraction"), p.has("steps") ? p.getLong("steps") : totalSteps);
    }

    static Tracker cosine(float base, float finalFraction, long steps) {
        return CosineTracker.builder()
                .setBaseValue(base)
                .optFinalValue(base * finalFraction)
                .setMaxUpdates((int) Math.max(1, Math.min(Integer.MAX_VALUE, steps)))
                .build();
    }
}
