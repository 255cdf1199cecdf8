package org.djx.plugins.datasets;

import org.djx.plugin.PluginBinder;
import org.djx.plugin.PluginModule;

/** The standard datasets. */
public final class DatasetsModule extends PluginModule {

    @Override
    protected void configurePlugins(PluginBinder plugins) {
        plugins.dataset("idx", IdxPlugin.class)
                .dataset("fashion-mnist", FashionMnistPlugin.class)
                .dataset("mnist", MnistPlugin.class);
    }
}
