package org.djx.bench;

/**
 * How much a training benchmark measures.
 *
 * @param batchSize images per step
 * @param steps training steps per measured pass (the same number of inference batches follows)
 * @param warmupSteps steps trained before measuring; rounded up to whole passes of {@code steps}
 *     so that djx's path (which trains whole epochs) and the bare loop warm up identically
 * @param repeats measured passes; the figures reported are their medians
 */
public record BenchSettings(int batchSize, int steps, int warmupSteps, int repeats) {

    public BenchSettings {
        if (batchSize < 1 || steps < 1 || warmupSteps < 0 || repeats < 1) {
            throw new IllegalArgumentException("batch size, steps and repeats must be at least 1 and warm-up at least 0");
        }
    }

    /** Whole passes over the synthetic batches trained before measuring. */
    public int warmupPasses() {
        return (warmupSteps + steps - 1) / steps;
    }

    /** Images in one pass. */
    public int imagesPerPass() {
        return batchSize * steps;
    }
}
