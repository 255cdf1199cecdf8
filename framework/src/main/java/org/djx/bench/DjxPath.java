package org.djx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.store.ResultStore;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.djx.training.DataSplit;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentRunner;
import org.djx.training.TrainingProgress;

/**
 * djx's own path, exactly as {@code djx run} takes it: {@link ExperimentRunner} with its listeners,
 * evaluators, validation and a SQLite store in a temporary file. One epoch is one pass over the
 * synthetic batches (training, then validation on as many images, which is the inference figure);
 * the first {@link BenchSettings#warmupPasses()} epochs are warm-up. Times come from the runner's
 * own progress callbacks, so everything the runner does between steps and epochs is counted, except
 * what {@code afterEachEpoch} does.
 */
final class DjxPath {

    /** The measurement, the run's own recorded images/second, and the store's share of the run. */
    /** @param runNanos the whole run, from store open to close, less {@code afterEachEpoch}'s time */
    record Result(Measurement measurement, double recordedImagesPerSecond, StoreTimer.Totals store, long runNanos) {}

    private DjxPath() {}

    /**
     * @param plan must already have {@code training.epochs} = warm-up passes + repeats
     * @param afterEachEpoch runs on the training thread at each epoch's end, untimed (the bare loop's passes)
     */
    static Result run(ExperimentPlan plan, DataSplit data, BenchSettings settings, Runnable afterEachEpoch) {
        int epochs = settings.warmupPasses() + settings.repeats();
        if (plan.experiment().training().epochs() != epochs) {
            throw new IllegalArgumentException("the plan trains " + plan.experiment().training().epochs() + " epochs, not " + epochs);
        }
        Clock clock = new Clock(epochs, settings.steps(), afterEachEpoch);
        StoreTimer timer = new StoreTimer();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("djx-bench");
            long start = System.nanoTime();
            ExperimentRunner.Outcome outcome;
            try (ResultStore store = timer.wrap(SqliteResultStore.open(dir.resolve("bench.db")))) {
                outcome = new ExperimentRunner(store, clock).run(plan, data, ExperimentRunner.Options.none());
            }
            long runNanos = System.nanoTime() - start - clock.outsideNanos;
            if (outcome.status() != RunStatus.COMPLETED) {
                throw new IllegalStateException("the benchmark run ended " + outcome.status().label() + ": " + outcome.error());
            }
            List<PassTiming> passes = new ArrayList<>();
            double[] recorded = new double[settings.repeats()];
            for (int e = settings.warmupPasses(); e < epochs; e++) {
                long trainStart = e == 0 ? clock.started : clock.resumed[e - 1];
                long[] steps = clock.stepEnds[e];
                long lastStep = steps[steps.length - 1];
                passes.add(new PassTiming(lastStep - trainStart, PassTiming.gaps(trainStart, steps), clock.epochEnds[e] - lastStep));
                recorded[e - settings.warmupPasses()] = clock.recordedImagesPerSecond[e];
            }
            double startup = Measurement.sinceJvmStart(clock.firstStepMillis);
            return new Result(Measurement.of(passes, settings.imagesPerPass(), startup), Measurement.median(recorded),
                    timer.totals(), runNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary results store", e);
        } finally {
            StoreBenchmark.deleteQuietly(dir);
        }
    }

    /**
     * Time stamps of every training step and epoch end, from the runner's progress callbacks; at each
     * epoch's end it runs {@code afterEachEpoch} and stamps when the runner resumes.
     */
    private static final class Clock implements TrainingProgress {
        final Runnable afterEachEpoch;
        final long[][] stepEnds;
        final long[] epochEnds;
        final long[] resumed;
        final double[] recordedImagesPerSecond;
        long started;
        long firstStepMillis;
        long outsideNanos;

        Clock(int epochs, int steps, Runnable afterEachEpoch) {
            this.afterEachEpoch = afterEachEpoch;
            resumed = new long[epochs];
            stepEnds = new long[epochs][steps];
            epochEnds = new long[epochs];
            recordedImagesPerSecond = new double[epochs];
        }

        @Override
        public void started(long runId, ExperimentPlan plan, String device, int trainSize, int validationSize, long batchesPerEpoch) {
            started = System.nanoTime();
        }

        @Override
        public void batch(int epoch, long batch, long batchesPerEpoch) {
            stepEnds[epoch - 1][(int) batch - 1] = System.nanoTime();
            if (firstStepMillis == 0) {
                firstStepMillis = System.currentTimeMillis();
            }
        }

        @Override
        public void epoch(int epoch, Map<String, Double> metrics) {
            epochEnds[epoch - 1] = System.nanoTime();
            recordedImagesPerSecond[epoch - 1] = metrics.getOrDefault("images_per_second", Double.NaN);
            long before = System.nanoTime();
            afterEachEpoch.run();
            resumed[epoch - 1] = System.nanoTime();
            outsideNanos += resumed[epoch - 1] - before;
        }
    }
}
