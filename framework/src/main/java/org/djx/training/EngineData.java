package org.djx.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.nio.ByteBuffer;
import org.djx.plugin.LabeledImages;

/** Turns decoded images into engine arrays that DJL can batch. */
final class EngineData {

    private EngineData() {}

    /** One engine array per split, built once: batches are gathered from it without Java copies. */
    static ArrayDataset toDataset(NDManager manager, LabeledImages images, int batchSize, boolean shuffle) {
        Shape shape = new Shape(images.size(), images.channels(), images.height(), images.width());
        NDArray features;
        try (NDArray bytes = manager.create(ByteBuffer.wrap(images.pixels()), shape, DataType.UINT8)) {
            features = bytes.toType(DataType.FLOAT32, false).divi(255f);
        }
        float[] labels = new float[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.labels()[i];
        }
        return new ArrayDataset.Builder()
                .setData(features)
                .optLabels(manager.create(labels))
                .setSampling(batchSize, shuffle)
                .build();
    }
}
