package org.djx.plugin;

import ai.djl.training.tracker.Tracker;

/**
 * A learning-rate schedule, written as {@code optimizer.schedule: {type: NAME, ...}}; {@code fixed}
 * when left out. Steps are updates (batches), not epochs.
 *
 * <p>To add one: implement this interface, bind it with {@code plugins.schedule("name",
 * MySchedule.class)} in a {@link PluginModule}, and extend the framework's {@code
 * SchedulePluginContract} test (rates stay finite and within [0, base]).
 */
public interface SchedulePlugin extends Plugin {

    /**
     * A tracker that gives the learning rate for each update.
     *
     * @param baseLearningRate the optimizer's {@code learning_rate}
     * @param totalSteps how many updates the run will make, for schedules that need the horizon
     */
    Tracker build(Params params, float baseLearningRate, long totalSteps);
}
