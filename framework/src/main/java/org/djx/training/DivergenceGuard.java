package org.djx.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * Stops a run soon after its loss becomes NaN or infinite: every {@link #CHECK_EVERY} steps it
 * reads the loss summed over the interval so far (a NaN or infinity anywhere stays in the sum).
 * Reading it makes the JVM wait for the engine, so it is not done every step.
 */
final class DivergenceGuard extends TrainingListenerAdapter {

    /** Steps between checks: a few seconds of training at most, at one host sync per check. */
    static final int CHECK_EVERY = 10;

    private final EpochRecorder recorder;

    DivergenceGuard(EpochRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (recorder.steps() % CHECK_EVERY != 0) {
            return;
        }
        float loss = trainer.getLoss().getAccumulator(EvaluatorTrainingListener.TRAIN_EPOCH);
        if (Float.isNaN(loss) || Float.isInfinite(loss)) {
            throw new DivergedException("training diverged: the loss became " + loss + " by step "
                    + recorder.steps() + " (evaluation " + recorder.epoch() + "); try a lower optimizer.learning_rate");
        }
    }
}
