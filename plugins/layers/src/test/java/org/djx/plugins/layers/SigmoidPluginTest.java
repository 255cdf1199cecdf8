package org.djx.plugins.layers;

class SigmoidPluginTest extends ParameterlessLayerContract {

    @Override
    protected String type() {
        return "sigmoid";
    }
}
