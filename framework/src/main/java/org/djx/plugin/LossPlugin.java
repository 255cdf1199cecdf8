package org.djx.plugin;

import ai.djl.training.loss.Loss;

/**
 * A training loss, written as {@code loss: NAME} or {@code loss: {type: NAME, ...}}. It gets the
 * batch's labels and the network's raw outputs and must reduce them to one number.
 *
 * <p>To add one: implement this interface, bind it with {@code plugins.loss("name", MyLoss.class)}
 * in a {@link PluginModule}, and extend the framework's {@code LossPluginContract} test.
 */
public interface LossPlugin extends Plugin {

    /** A new loss for these parameters. */
    Loss build(Params params);
}
