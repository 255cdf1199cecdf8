package org.djx.training;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends training at the next batch boundary once a signal asked for it. The engine's native code
 * must not be running when the JVM exits (MXNet crashes in its exit handlers otherwise), so the
 * shutdown hook raises the flag and waits for the training thread to stop here and close the model.
 */
final class StopOnSignal extends TrainingListenerAdapter {

    /** Thrown on the training thread to unwind it cleanly. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("interrupted by a signal", null, false, false);
        }
    }

    private final AtomicBoolean requested;

    StopOnSignal(AtomicBoolean requested) {
        this.requested = requested;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        check();
    }

    @Override
    public void onValidationBatch(Trainer trainer, BatchData batchData) {
        check();
    }

    private void check() {
        if (requested.get()) {
            throw new Stopped();
        }
    }
}
