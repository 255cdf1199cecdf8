package org.djx.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * Stops a run at the first training batch whose loss is NaN or infinite. It reads the batch loss
 * that DJL's {@link EvaluatorTrainingListener} has already copied to the host for its
 * {@code train/all} accumulator (registered before this one), so the check adds no device sync.
 */
final class DivergenceGuard extends TrainingListenerAdapter {

    private final EpochRecorder recorder;

    DivergenceGuard(EpochRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        float loss = trainer.getLoss().getAccumulator(EvaluatorTrainingListener.TRAIN_ALL);
        if (Float.isNaN(loss) || Float.isInfinite(loss)) {
            throw new DivergedException("training diverged: the loss became " + loss + " at step "
                    + recorder.steps() + " (evaluation " + recorder.epoch() + "); try a lower optimizer.learning_rate");
        }
    }
}
