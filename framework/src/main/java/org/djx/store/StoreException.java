package org.djx.store;

/**
 * The results store cannot be used (read-only, busy, corrupt, from a newer djx, bad query). The
 * message names the file and says what to do; nothing already stored has been changed.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
