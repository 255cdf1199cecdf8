package org.djx.plugins.layers;

import org.djx.plugin.PluginBinder;
import org.djx.plugin.PluginModule;

/** The standard layers. */
public final class LayersModule extends PluginModule {

    @Override
    protected void configurePlugins(PluginBinder plugins) {
        plugins.layer("conv2d", Conv2dPlugin.class)
                .layer("maxpool2d", MaxPool2dPlugin.class)
                .layer("flatten", FlattenPlugin.class)
                .layer("dense", DensePlugin.class)
                .layer("dropout", DropoutPlugin.class)
                .layer("relu", ReluPlugin.class);
    }
}
