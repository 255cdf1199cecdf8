package org.djx.plugins.optimizers;

import org.djx.plugin.PluginBinder;
import org.djx.plugin.PluginModule;

/** The standard optimizers, learning-rate schedules and losses. */
public final class OptimizersModule extends PluginModule {

    @Override
    protected void configurePlugins(PluginBinder plugins) {
        plugins.optimizer("sgd", SgdPlugin.class)
                .optimizer("adam", AdamPlugin.class)
                .schedule("fixed", FixedSchedulePlugin.class)
                .loss("softmax-cross-entropy", SoftmaxCrossEntropyPlugin.class);
    }
}
