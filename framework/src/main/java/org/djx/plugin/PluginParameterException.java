package org.djx.plugin;

/**
 * A plugin parameter that cannot be used. Thrown by {@link Params} accessors and by plugins that
 * check combinations of parameters; the framework reports it with the parameter's descriptor path.
 */
public class PluginParameterException extends RuntimeException {

    private final String parameter;

    public PluginParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name as written in the descriptor. */
    public String parameter() {
        return parameter;
    }
}
