package org.djx.plugins.layers;

class TanhPluginTest extends ParameterlessLayerContract {

    @Override
    protected String type() {
        return "tanh";
    }
}
