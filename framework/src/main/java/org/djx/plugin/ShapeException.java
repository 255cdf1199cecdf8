package org.djx.plugin;

/**
 * A layer cannot take the input shape it is given (e.g. a 5x5 kernel on a 2x2 feature map). The
 * framework reports it with the layer's index and type before any training starts.
 */
public class ShapeException extends RuntimeException {

    public ShapeException(String message) {
        super(message);
    }
}
