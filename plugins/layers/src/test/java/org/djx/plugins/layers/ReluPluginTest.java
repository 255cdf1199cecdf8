package org.djx.plugins.layers;

class ReluPluginTest extends ParameterlessLayerContract {

    @Override
    protected String type() {
        return "relu";
    }
}
