package org.djx.plugins.optimizers;

import ai.djl.training.tracker.MultiFactorTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.List;

import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.PluginParameterException;
import org.djx.plugin.SchedulePlugin;

/** {@code multi-step}: multiplies the learning rate by {@code factor} after each listed update (DJL's {@link MultiFactorTracker}). */
public final class MultiStepSchedulePlugin implements SchedulePlugin {

    @Override
    public String description() {
        return "Learning rate times factor after each listed update";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("steps", ParamType.INTS, "Updates after which to decay, increasing: e.g. [1000, 3000].").mandatory().atLeast(1),
                ParamSpec.of("factor", ParamType.NUMBER, "Multiplier applied at each step.").withDefault(0.1).atLeast(0).atMost(1));
    }

    @Override
    public void validate(Params p) {
        int[] steps = steps(p);
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                throw new PluginParameterException("steps", "must be increasing, got " + steps[i - 1] + " then " + steps[i]);
            }
        }
        if (p.getDouble("factor") == 0) {
            throw new PluginParameterException("factor", "must be above 0");
        }
    }

    private static int[] steps(Params p) {
        int count = p.asMap().get("steps") instanceof List<?> list ? list.size() : 1;
        return Arrays.stream(p.getInts("steps", count)).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public Tracker build(Params p, float baseLearningRate, long totalSteps) {
        int[] steps = steps(p);
        if (steps.length == 1) {
            // DJL wants at least two steps; a second one that is never reached changes nothing.
            steps = new int[] {steps[0], Integer.MAX_VALUE};
        }
        return MultiFactorTracker.builder().setBaseValue(baseLearningRate).setSteps(steps).optFactor(p.getFloat("factor")).build();
    }
}
