package org.djx.bench;

import java.util.function.Consumer;
import org.djx.training.DataSplit;
import org.djx.training.ExperimentPlan;

/**
 * Trains one plan on synthetic data through djx's path and then through a bare DJL loop, in this
 * process, with identical batches, warm-up and number of measured images.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {}

    /**
     * The training side of {@code djx bench}.
     *
     * @param plan the experiment to train; its {@code training.epochs} must be
     *     {@code settings.warmupPasses() + settings.repeats()} and its batch size {@code settings.batchSize()}
     * @param log one line per phase, for whoever waits
     */
    public static BenchResult run(ExperimentPlan plan, BenchSettings settings, Consumer<String> log) {
        if (plan.experiment().training().batchSize() != settings.batchSize()) {
            throw new IllegalArgumentException("the plan's batch size is not the benchmark's");
        }
        DataSplit data = SyntheticData.forPlan(plan, settings.imagesPerPass(), plan.experiment().seed());
        log.accept(String.format("djx bench: %s on %s, batch %d: %d warm-up + %d measured passes of %d steps, djx path first",
                plan.experiment().name(), plan.experiment().engine(), settings.batchSize(), settings.warmupPasses(),
                settings.repeats(), settings.steps()));
        ProcessMemory.resetPeaks();
        DjxPath.Result djx = DjxPath.run(plan, data, settings);
        log.accept(String.format("djx bench: djx path done (%.0f train img/s); now the bare DJL loop", djx.measurement().trainImagesPerSecond()));
        ProcessMemory.resetPeaks();
        Measurement bare = BareLoop.run(plan, data, settings);
        return new BenchResult(plan.experiment().name(), plan.experiment().engine(), settings, EngineThreads.describe(plan.experiment().engine()),
                djx.measurement(), bare, djx.recordedImagesPerSecond(), djx.store(), djx.runNanos());
    }
}
