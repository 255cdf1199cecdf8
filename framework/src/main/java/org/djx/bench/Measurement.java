package org.djx.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * What one path (djx or the bare loop) achieved: medians over the measured passes.
 *
 * @param trainImagesPerSecond training images per second (forward + backward + update)
 * @param inferenceImagesPerSecond inference images per second
 * @param stepMedianMillis median training step latency over every measured step
 * @param stepP90Millis 90th percentile training step latency
 * @param startupSeconds JVM start to the first finished training step, or NaN where not measured
 * @param peakHeapBytes peak JVM heap of the process
 * @param peakRssBytes peak resident set of the process (-1 if unknown)
 */
public record Measurement(double trainImagesPerSecond, double inferenceImagesPerSecond, double stepMedianMillis,
        double stepP90Millis, double startupSeconds, long peakHeapBytes, long peakRssBytes) {

    static Measurement of(List<PassTiming> passes, int imagesPerPass, double startupSeconds) {
        double[] train = new double[passes.size()];
        double[] inference = new double[passes.size()];
        long[] steps = passes.stream().flatMapToLong(p -> Arrays.stream(p.stepNanos())).sorted().toArray();
        for (int i = 0; i < passes.size(); i++) {
            train[i] = imagesPerPass / (passes.get(i).trainNanos() / 1e9);
            inference[i] = imagesPerPass / (passes.get(i).inferenceNanos() / 1e9);
        }
        return new Measurement(median(train), median(inference), percentile(steps, 0.5) / 1e6,
                percentile(steps, 0.9) / 1e6, startupSeconds, ProcessMemory.peakHeapBytes(), ProcessMemory.peakRssBytes());
    }

    /** Seconds from the JVM's start to {@code epochMillis}. */
    static double sinceJvmStart(long epochMillis) {
        return (epochMillis - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
