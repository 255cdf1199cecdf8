package org.djx.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything {@code djx bench} measured for one engine: djx's path, the bare DJL loop, and the
 * share of djx's run spent writing to the results store.
 *
 * @param recordedImagesPerSecond median of the run's own {@code images_per_second} metric over the
 *     measured epochs (a cross-check of {@code djx.trainImagesPerSecond}, which also counts epoch ends)
 * @param runNanos the whole djx run, from store open to store close, less the bare loop interleaved in it
 */
public record BenchResult(String experiment, String engine, BenchSettings settings, String threads, Measurement djx,
        Measurement bare, double recordedImagesPerSecond, StoreTimer.Totals store, long runNanos) {

    /** djx's training throughput over the bare loop's (1.0 means no overhead). */
    public double trainRatio() {
        return djx.trainImagesPerSecond() / bare.trainImagesPerSecond();
    }

    public double inferenceRatio() {
        return djx.inferenceImagesPerSecond() / bare.inferenceImagesPerSecond();
    }

    /** Fraction of the djx run spent in store writes (epochs, heartbeats, start and finish). */
    public double storeFraction() {
        return store.writeNanos() / (double) runNanos;
    }

    /** A tree of plain values for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("experiment", experiment);
        map.put("engine", engine);
        map.put("threads", threads);
        map.put("cores", Runtime.getRuntime().availableProcessors());
        map.put("batch_size", settings.batchSize());
        map.put("steps", settings.steps());
        map.put("warmup_steps", settings.warmupPasses() * settings.steps());
        map.put("repeats", settings.repeats());
        map.put("djx", measurement(djx));
        map.put("bare", measurement(bare));
        map.put("peak_memory", "of the whole process (both paths run interleaved in it)");
        map.put("djx_recorded_images_per_second", recordedImagesPerSecond);
        map.put("ratio_train", trainRatio());
        map.put("ratio_inference", inferenceRatio());
        Map<String, Object> writes = new LinkedHashMap<>();
        writes.put("record_epoch_ms", store.epochNanos() / 1e6);
        writes.put("record_epoch_calls", store.epochCalls());
        writes.put("heartbeat_ms", store.heartbeatNanos() / 1e6);
        writes.put("heartbeat_calls", store.heartbeatCalls());
        writes.put("other_writes_ms", store.otherWriteNanos() / 1e6);
        writes.put("run_seconds", runNanos / 1e9);
        writes.put("fraction", storeFraction());
        map.put("store_writes", writes);
        return map;
    }

    private static Map<String, Object> measurement(Measurement m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("train_images_per_second", m.trainImagesPerSecond());
        map.put("inference_images_per_second", m.inferenceImagesPerSecond());
        map.put("step_ms_median", m.stepMedianMillis());
        map.put("step_ms_p90", m.stepP90Millis());
        map.put("startup_seconds", Double.isNaN(m.startupSeconds()) ? null : m.startupSeconds());
        map.put("peak_heap_mib", m.peakHeapBytes() / 1048576.0);
        map.put("peak_rss_mib", m.peakRssBytes() < 0 ? null : m.peakRssBytes() / 1048576.0);
        return map;
    }

    /** The human-readable table. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s on %s (%s, %d cores), batch %d, %d measured steps x %d repeats after %d warm-up steps%n",
                experiment, engine, threads, Runtime.getRuntime().availableProcessors(), settings.batchSize(), settings.steps(),
                settings.repeats(), settings.warmupPasses() * settings.steps()));
        String format = "%-12s %12s %12s %10s %10s %10s %10s %10s%n";
        out.append(String.format(format, "path", "train img/s", "infer img/s", "step ms", "step p90", "start-up s", "heap MiB", "RSS MiB"));
        row(out, format, "djx", djx);
        row(out, format, "bare DJL", bare);
        out.append(String.format(format, "djx / bare", String.format("%.3f", trainRatio()), String.format("%.3f", inferenceRatio()),
                String.format("%.3f", djx.stepMedianMillis() / bare.stepMedianMillis()),
                String.format("%.3f", djx.stepP90Millis() / bare.stepP90Millis()), "", "", ""));
        out.append(String.format("djx's recorded images_per_second metric (median of measured epochs): %.0f%n", recordedImagesPerSecond));
        out.append(String.format("store writes: %.1f ms in %d recordEpoch + %.1f ms in %d heartbeats + %.1f ms other, %.3f%% of the %.1f s run%n",
                store.epochNanos() / 1e6, store.epochCalls(), store.heartbeatNanos() / 1e6, store.heartbeatCalls(),
                store.otherWriteNanos() / 1e6, 100 * storeFraction(), runNanos / 1e9));
        return out.toString();
    }

    private static void row(StringBuilder out, String format, String name, Measurement m) {
        out.append(String.format(format, name, String.format("%.0f", m.trainImagesPerSecond()),
                String.format("%.0f", m.inferenceImagesPerSecond()), String.format("%.1f", m.stepMedianMillis()),
                String.format("%.1f", m.stepP90Millis()), Double.isNaN(m.startupSeconds()) ? "-" : String.format("%.1f", m.startupSeconds()),
                String.format("%.0f", m.peakHeapBytes() / 1048576.0),
                m.peakRssBytes() < 0 ? "-" : String.format("%.0f", m.peakRssBytes() / 1048576.0)));
    }
}
