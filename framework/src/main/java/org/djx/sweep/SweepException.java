package org.djx.sweep;

/** A sweep cannot start or go on because of something the user can fix; the message says what. */
public class SweepException extends RuntimeException {

    public SweepException(String message) {
        super(message);
    }
}
