package org.djx.plugin;

/**
 * A dataset decoded into memory: a training part and, when the source has one, a separate test
 * part. Both hold examples of the same shape and the same classes.
 *
 * @param train the examples to train and validate on
 * @param test held-out examples, or {@code null}
 */
public record ImageDataset(LabeledImages train, LabeledImages test) {

    /** The training part followed by the test part, as one pool. */
    public LabeledImages all() {
        return test == null ? train : train.concat(test);
    }
}
