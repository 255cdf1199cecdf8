package org.djx.training;

/** A run cannot start or go on for a reason the user can fix (no GPU, data and model disagree, ...). */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
