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
                .layer("avgpool2d", AvgPool2dPlugin.class)
                .layer("global-avgpool2d", GlobalAvgPool2dPlugin.class)
                .layer("batchnorm", BatchNormPlugin.class)
                .layer("layernorm", LayerNormPlugin.class)
                .layer("residual", ResidualPlugin.class)
                .layer("relu", ActivationPlugin.Relu.class)
                .layer("leaky-relu", ActivationPlugin.LeakyRelu.class)
                .layer("elu", ActivationPlugin.Elu.class)
                .layer("gelu", ActivationPlugin.Gelu.class)
                .layer("tanh", ActivationPlugin.Tanh.class)
                .layer("sigmoid", ActivationPlugin.Sigmoid.class)
                .layer("softplus", ActivationPlugin.Softplus.class)
                .layer("swish", ActivationPlugin.Swish.class);
    }
}
