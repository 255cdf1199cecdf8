package org.djx.plugins.optimizers;

import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.util.List;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.SchedulePlugin;

/**
 * {@code warmup}: starts low for {@code steps} updates, then follows the base learning rate, held
 * fixed or annealed by a cosine over the rest of the run (DJL's {@link WarmUpTracker}).
 */
public final class WarmUpSchedulePlugin implements SchedulePlugin {

    @Override
    public String description() {
        return "Warm-up, then a fixed or cosine learning rate";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.of("steps", ParamType.INT, "Updates (batches) of warm-up.").mandatory().atLeast(1),
                ParamSpec.of("begin_fraction", ParamType.NUMBER, "Learning rate at the first update, as a fraction of the base one.")
                        .withDefault(0.0).atLeast(0).below(1),
                ParamSpec.of("mode", ParamType.STRING, "'linear' ramps up to the base rate; 'constant' holds the begin rate.")
                        .withDefault("linear").withChoices("linear", "constant"),
                ParamSpec.of("then", ParamType.STRING, "After warm-up: 'fixed' keeps the base rate; 'cosine' anneals it.")
                        .withDefault("fixed").withChoices("fixed", "cosine"),
                ParamSpec.of("final_fraction", ParamType.NUMBER, "For 'then: cosine', the final rate as a fraction of the base one.")
                        .withDefault(0.01).atLeast(0).below(1));
    }

    @Override
    public Tracker build(Params p, float baseLearningRate, long totalSteps) {
        int warmUp = p.getInt("steps");
        Tracker main = "cosine".equals(p.getString("then"))
                ? CosineSchedulePlugin.cosine(baseLearningRate, p.getFloat("final_fraction"), totalSteps - warmUp)
                : Tracker.fixed(baseLearningRate);
        return WarmUpTracker.builder()
                .setMainTracker(main)
                .optWarmUpSteps(warmUp)
                .optWarmUpBeginValue(baseLearningRate * p.getFloat("begin_fraction"))
                .optWarmUpMode("constant".equals(p.getString("mode")) ? WarmUpTracker.Mode.CONSTANT : WarmUpTracker.Mode.LINEAR)
                .build();
    }
}
