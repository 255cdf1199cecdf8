package org.djx.plugin;

import java.util.List;

/**
 * What every plugin tells the framework about itself. A plugin's short name is not part of the
 * class: it is the key under which its {@link PluginModule} binds it.
 *
 * <p>Plugins are created once per process by Guice and may be used from several threads at once,
 * so they must keep no mutable state; everything specific to one use is in {@link Params}.
 */
public interface Plugin {

    /** One sentence for {@code djx plugins}. */
    String description();

    /** Every parameter the plugin accepts; any other key in the descriptor is an error. */
    List<ParamSpec> parameters();

    /**
     * Checks rules that span parameters or that a {@link ParamSpec} range cannot say (e.g. a list
     * that must be increasing). Called after every parameter passed its own checks; throw
     * {@link PluginParameterException} naming the parameter, and the user sees the message at that
     * parameter's line in the descriptor. The default accepts everything.
     */
    default void validate(Params params) {}
}
