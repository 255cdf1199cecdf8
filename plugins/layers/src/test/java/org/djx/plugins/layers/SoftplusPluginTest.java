package org.djx.plugins.layers;

class SoftplusPluginTest extends ParameterlessLayerContract {

    @Override
    protected String type() {
        return "softplus";
    }
}
