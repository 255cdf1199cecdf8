package org.djx.plugin;

/** Data that a dataset plugin cannot find or read; the message tells the user what to do. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
