package org.djx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.djx.training.DataSplit;
import org.djx.training.ExperimentPlan;

/**
 * Trains one plan on synthetic data through djx's path and through a bare DJL loop, in this
 * process, with identical batches, warm-up and number of measured images. The two are interleaved:
 * after each of djx's epochs (one pass) the bare loop trains one pass, so that whatever drifts
 * during the benchmark (other load, clocks, caches, the JIT) weighs on both alike. Running one
 * path after the other was measured to favour whichever ran first by up to 2x on a loaded machine.
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
        log.accept(String.format("djx bench: %s on %s, batch %d: %d warm-up + %d measured passes of %d steps, djx and bare DJL interleaved",
                plan.experiment().name(), plan.experiment().engine(), settings.batchSize(), settings.warmupPasses(),
                settings.repeats(), settings.steps()));
        List<PassTiming> barePasses = new ArrayList<>();
        BareLoop[] bare = {null};
        DjxPath.Result djx;
        try {
            djx = DjxPath.run(plan, data, settings, () -> {
                if (bare[0] == null) {
                    bare[0] = new BareLoop(plan, data, settings); // built after djx's first step: start-up is djx's alone
                }
                PassTiming pass = bare[0].pass();
                barePasses.add(pass);
                log.accept(String.format("djx bench: pass %d of %d done (djx epoch, then bare loop: %.0f train img/s)",
                        barePasses.size(), settings.warmupPasses() + settings.repeats(),
                        settings.imagesPerPass() / (pass.trainNanos() / 1e9)));
            });
        } finally {
            if (bare[0] != null) {
                bare[0].close();
            }
        }
        Measurement bareMeasurement = Measurement.of(barePasses.subList(settings.warmupPasses(), barePasses.size()),
                settings.imagesPerPass(), Double.NaN);
        return new BenchResult(plan.experiment().name(), plan.experiment().engine(), settings,
                EngineThreads.describe(plan.experiment().engine()), djx.measurement(), bareMeasurement, djx.recordedImagesPerSecond(),
                djx.store(), djx.runNanos());
    }
}
