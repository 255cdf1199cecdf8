package org.djx.plugin;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * A layer of a model, written in a descriptor as {@code - {type: NAME, param: value, ...}}.
 *
 * <p>To add one: implement this interface, bind it in a {@link PluginModule} with {@code
 * plugins.layer("name", MyLayer.class)}, list the module in {@code
 * META-INF/services/org.djx.plugin.PluginModule}, and extend the framework's {@code
 * LayerPluginContract} test. Shapes here never include the batch dimension: the seed convnet's
 * input is {@code (1, 28, 28)}. {@code plugins/README.md} walks through a complete example.
 *
 * <p>A composite layer declares a {@link ParamType#LAYERS} parameter and gets its nested layers,
 * already resolved and validated, from {@link Params#layers}; it threads shapes through them with
 * {@link LayerInstance#outputShape} and {@link LayerInstance#build}.
 */
public interface LayerPlugin extends Plugin {

    /**
     * The shape one example has after this layer, computed without an engine so descriptors are
     * checked before training. Must equal what the built block really produces (the contract test
     * checks it).
     *
     * @throws ShapeException when the layer cannot take {@code input}, saying why
     * @throws PluginParameterException when a combination of parameters is invalid
     */
    Shape outputShape(Params params, Shape input);

    /** A new, uninitialised DJL block for these parameters. */
    Block build(Params params, Shape input);
}
