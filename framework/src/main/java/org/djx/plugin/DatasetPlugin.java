package org.djx.plugin;

import java.io.IOException;

/**
 * Labelled images, written as {@code dataset: {type: NAME, ...}}. The framework does the
 * validation split, the {@code limit} and the conversion to engine arrays, so a dataset plugin
 * only decodes its source once into memory.
 *
 * <p>To add one: implement this interface and bind it with {@code plugins.dataset("name",
 * MyDataset.class)} in a {@link PluginModule} listed in {@code
 * META-INF/services/org.djx.plugin.PluginModule}.
 */
public interface DatasetPlugin extends Plugin {

    /**
     * Loads the whole dataset.
     *
     * @throws DatasetException when the data is missing or malformed, with a message that says
     *     where it looked and how to get it
     * @throws IOException for other read failures
     */
    ImageDataset load(Params params) throws IOException;
}
