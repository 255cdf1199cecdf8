package com.example.squeezeexcite;

import org.djx.plugin.PluginBinder;
import org.djx.plugin.PluginModule;

/** Registers {@code squeeze-excite}; listed in META-INF/services/org.djx.plugin.PluginModule. */
public final class SqueezeExciteModule extends PluginModule {

    @Override
    protected void configurePlugins(PluginBinder plugins) {
        plugins.layer("squeeze-excite", SqueezeExcitePlugin.class);
    }
}
