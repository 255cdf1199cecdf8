package org.djx.plugin;

import ai.djl.training.loss.Loss;

/** A training loss, written as {@code loss: NAME} or {@code loss: {type: NAME, ...}}. */
public interface LossPlugin extends Plugin {

    /** A new loss for these parameters. */
    Loss build(Params params);
}
