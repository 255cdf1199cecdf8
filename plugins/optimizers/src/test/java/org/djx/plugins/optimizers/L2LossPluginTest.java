package org.djx.plugins.optimizers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.djx.plugin.testing.LossPluginContract;

class L2LossPluginTest extends LossPluginContract {

    @Override
    protected String type() {
        return "l2";
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("weight", 2.0);
    }

    @Override
    protected Map<String, Map<String, Object>> badParams() {
        return Map.of("weight", Map.of("weight", -1));
    }

    @Override
    protected NDList labels(NDManager manager) {
        return new NDList(manager.create(new float[][] {{1}, {-2}}));
    }

    @Override
    protected NDList closePrediction(NDManager manager) {
        return new NDList(manager.create(new float[][] {{1.1f}, {-2}}));
    }

    @Override
    protected NDList farPrediction(NDManager manager) {
        return new NDList(manager.create(new float[][] {{4}, {1}}));
    }
}
