package org.djx.plugins.layers;

class GeluPluginTest extends ParameterlessLayerContract {

    @Override
    protected String type() {
        return "gelu";
    }
}
