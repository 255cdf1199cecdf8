package org.djx.cli;

/** A mistake in how a command was called (unknown run id, bad option value). Exit status 2. */
final class UserException extends RuntimeException {

    UserException(String message) {
        super(message);
    }
}
