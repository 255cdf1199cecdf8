package org.djx.training;

import java.util.Map;

/**
 * What a run tells whoever watches it. The training code never prints; the CLI decides how this
 * looks (progress bar, one line per epoch, JSON, or nothing). Calls come from the training thread.
 */
public interface TrainingProgress {

    /** The run is recorded and about to train. */
    default void started(long runId, ExperimentPlan plan, String device, int trainSize, int validationSize, long batchesPerEpoch) {}

    /** A training batch finished. */
    default void batch(int epoch, long batch, long batchesPerEpoch) {}

    /** An epoch (or, with {@code steps}, an evaluation interval) finished with these metrics. */
    default void epoch(int epoch, Map<String, Double> metrics) {}

    /** The final test-set evaluation finished ({@code test_loss}, {@code test_accuracy}). */
    default void tested(int images, Map<String, Double> metrics) {}

    /** A message worth showing (early stop, checkpoint written, ...). */
    default void note(String message) {}

    /** Shows nothing. */
    TrainingProgress SILENT = new TrainingProgress() {};
}
