package org.djx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.djx.descriptor.Canonical;
import org.djx.store.NewRun;
import org.djx.store.ResultStore;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.djx.training.ExperimentPlan;

/**
 * The results store's own costs: fills a fresh store with many finished runs (the plan's real
 * params, a number of epochs of metrics each) through the {@link ResultStore} interface, times
 * what a running experiment writes (one recordEpoch per epoch, a heartbeat every 10 seconds), and
 * times listing commands over the full store.
 */
public final class StoreBenchmark {

    /** Seconds between heartbeats of a running run (ExperimentRunner's period). */
    static final double HEARTBEAT_PERIOD_SECONDS = 10;
    private static final List<String> METRICS = List.of("train_loss", "train_accuracy", "validate_loss", "validate_accuracy",
            "learning_rate", "epoch_seconds", "images_per_second");

    /** Lists runs from a store file, as a user would (e.g. {@code djx runs --store FILE ARGS}). */
    @FunctionalInterface
    public interface Listing {
        void list(Path store, List<String> args);
    }

    /**
     * @param fillSeconds time to write every run through the store interface
     * @param recordEpochMillis mean time of one recordEpoch on the full store
     * @param heartbeatMillis mean time of one heartbeat on the full store
     * @param listingSeconds each listing's arguments to its best-of-3 time
     */
    public record Result(int runs, int epochs, int params, double fillSeconds, double recordEpochMillis,
            double heartbeatMillis, Map<String, Double> listingSeconds) {

        /** Share of a run's time spent in store writes when each epoch lasts {@code epochSeconds}. */
        public double fractionForEpochOf(double epochSeconds) {
            return (recordEpochMillis / 1e3 + heartbeatMillis / 1e3 * epochSeconds / HEARTBEAT_PERIOD_SECONDS) / epochSeconds;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("runs", runs);
            map.put("epochs_per_run", epochs);
            map.put("params_per_run", params);
            map.put("fill_seconds", fillSeconds);
            map.put("record_epoch_ms", recordEpochMillis);
            map.put("heartbeat_ms", heartbeatMillis);
            Map<String, Object> fractions = new LinkedHashMap<>();
            for (double seconds : new double[] {1, 10, 60}) {
                fractions.put("epoch_" + (int) seconds + "s", fractionForEpochOf(seconds));
            }
            map.put("write_fraction", fractions);
            map.put("listing_seconds", listingSeconds);
            return map;
        }

        public String toTable() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("results store: %d runs x %d params x %d epochs of %d metrics, written in %.1f s%n",
                    runs, params, epochs, METRICS.size(), fillSeconds));
            out.append(String.format("one recordEpoch: %.3f ms; one heartbeat: %.3f ms (every %.0f s)%n", recordEpochMillis,
                    heartbeatMillis, HEARTBEAT_PERIOD_SECONDS));
            out.append(String.format("store writes as a share of a run: %.4f%% with 1-s epochs, %.4f%% with 10-s, %.4f%% with 60-s%n",
                    100 * fractionForEpochOf(1), 100 * fractionForEpochOf(10), 100 * fractionForEpochOf(60)));
            listingSeconds.forEach((args, seconds) -> out.append(String.format("djx %-28s %8.3f s (best of 3)%n", args, seconds)));
            return out.toString();
        }
    }

    private StoreBenchmark() {}

    /**
     * @param plan whose effective descriptor gives each run's params (the learning rate varies per run)
     * @param listings arguments of each listing to time, e.g. {@code [runs]} and {@code [runs, --limit, 0]}
     */
    public static Result run(ExperimentPlan plan, int runs, int epochs, Listing listing, List<List<String>> listings,
            Consumer<String> log) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("djx-store-bench");
            Path file = dir.resolve("runs.db");
            Map<String, Object> params = Canonical.flatten(plan.effective());
            String descriptor = Canonical.json(plan.effective());
            Random random = new Random(42);
            log.accept("djx bench: writing " + runs + " runs of " + epochs + " epochs to a temporary store...");
            double fillSeconds;
            double recordEpochMillis;
            double heartbeatMillis;
            try (ResultStore store = SqliteResultStore.open(file)) {
                long start = System.nanoTime();
                for (int r = 0; r < runs; r++) {
                    Map<String, Object> runParams = new LinkedHashMap<>(params);
                    runParams.put("optimizer.learning_rate", Math.pow(10, -4 + 3 * random.nextDouble()));
                    long id = store.startRun(new NewRun(plan.experiment().name(), plan.hash(), descriptor, plan.file().toString(),
                            runParams, Map.of("engine", plan.experiment().engine())));
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        store.recordEpoch(id, epoch, metrics(random, epoch));
                    }
                    store.finishRun(id, RunStatus.COMPLETED, null);
                }
                fillSeconds = (System.nanoTime() - start) / 1e9;
                long id = store.startRun(new NewRun(plan.experiment().name(), plan.hash(), descriptor, plan.file().toString(),
                        params, Map.of("engine", plan.experiment().engine())));
                int calls = Math.max(20, Math.min(200, epochs * 10));
                long epochNanos = 0;
                long heartbeatNanos = 0;
                for (int i = 1; i <= calls; i++) {
                    Map<String, Double> metrics = metrics(random, i);
                    long t = System.nanoTime();
                    store.recordEpoch(id, i, metrics);
                    epochNanos += System.nanoTime() - t;
                    t = System.nanoTime();
                    store.heartbeat(id);
                    heartbeatNanos += System.nanoTime() - t;
                }
                store.finishRun(id, RunStatus.COMPLETED, null);
                recordEpochMillis = epochNanos / 1e6 / calls;
                heartbeatMillis = heartbeatNanos / 1e6 / calls;
            }
            Map<String, Double> listingSeconds = new LinkedHashMap<>();
            for (List<String> args : listings) {
                double best = Double.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    long t = System.nanoTime();
                    listing.list(file, args);
                    best = Math.min(best, (System.nanoTime() - t) / 1e9);
                }
                listingSeconds.put(String.join(" ", args), best);
            }
            return new Result(runs, epochs, params.size(), fillSeconds, recordEpochMillis, heartbeatMillis, listingSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary results store", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Map<String, Double> metrics(Random random, int epoch) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : METRICS) {
            metrics.put(name, random.nextDouble() / epoch);
        }
        return metrics;
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
