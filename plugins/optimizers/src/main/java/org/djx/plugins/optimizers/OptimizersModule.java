package org.djx.plugins.optimizers;

import org.djx.plugin.PluginBinder;
import org.djx.plugin.PluginModule;

/** The standard optimizers, learning-rate schedules and losses. */
public final class OptimizersModule extends PluginModule {

    @Override
    protected void configurePlugins(PluginBinder plugins) {
        plugins.optimizer("sgd", SgdPlugin.class)
                .optimizer("nag", NagPlugin.class)
                .optimizer("adam", AdamPlugin.class)
                .optimizer("adamw", AdamWPlugin.class)
                .optimizer("adagrad", AdagradPlugin.class)
                .optimizer("rmsprop", RmsPropPlugin.class)
                .optimizer("adadelta", AdadeltaPlugin.class)
                .schedule("fixed", FixedSchedulePlugin.class)
                .schedule("step", StepSchedulePlugin.class)
                .schedule("multi-step", MultiStepSchedulePlugin.class)
                .schedule("cosine", CosineSchedulePlugin.class)
                .schedule("warmup", WarmUpSchedulePlugin.class)
                .loss("softmax-cross-entropy", SoftmaxCrossEntropyPlugin.class)
                .loss("l2", L2LossPlugin.class);
    }
}
