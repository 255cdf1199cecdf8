package org.djx.plugin;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;

/**
 * An optimizer, written as {@code optimizer: {type: NAME, learning_rate: 0.001, schedule: ..., param: value}}.
 * {@code learning_rate} and {@code schedule} belong to the framework: the plugin gets the finished
 * learning-rate tracker and only declares its own parameters (momentum, betas, ...).
 *
 * <p>To add one: implement this interface, bind it with {@code plugins.optimizer("name",
 * MyOptimizer.class)} in a {@link PluginModule} listed in {@code
 * META-INF/services/org.djx.plugin.PluginModule}, and extend the framework's {@code
 * OptimizerPluginContract} test (it also checks that a few steps lower a convex loss).
 */
public interface OptimizerPlugin extends Plugin {

    /** A new optimizer that takes its learning rate from {@code learningRate}. */
    Optimizer build(Params params, ParameterTracker learningRate);
}
