package org.djx.training;

/** The loss became NaN or infinite: the run fails with this message. */
final class DivergedException extends RuntimeException {
    DivergedException(String message) {
        super(message);
    }
}
