package org.djx.plugin;

/** The set of installed plugins is unusable (e.g. two plugins share a name); start-up stops. */
public class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }
}
