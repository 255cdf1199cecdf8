package org.djx.plugins.datasets;

import ai.djl.basicdataset.cv.classification.Mnist;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.djx.plugin.DatasetException;
import org.djx.plugin.DatasetPlugin;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.LabeledImages;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/**
 * {@code mnist}: the handwritten digits. With {@code path} it reads local IDX files; without, it
 * uses DJL's downloader, which needs the network (djx runs offline unless DJX_OFFLINE=false).
 */
public final class MnistPlugin implements DatasetPlugin {

    static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Override
    public String description() {
        return "MNIST digits: 60,000 training + 10,000 test images; local IDX files or DJL's downloader";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("path", ParamType.STRING, "Directory of the IDX files; leave out to download with DJL."));
    }

    @Override
    public ImageDataset load(Params p) throws IOException {
        if (p.has("path")) {
            return IdxFiles.load(Path.of(p.getString("path")), CLASSES, "");
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            return new ImageDataset(download(manager, Dataset.Usage.TRAIN), download(manager, Dataset.Usage.TEST));
        } catch (IOException | RuntimeException e) {
            throw new DatasetException("MNIST could not be downloaded (" + e.getMessage() + "); djx runs offline by default:"
                    + " run with DJX_OFFLINE=false to let DJL download it, or set dataset.path to a directory of MNIST IDX files", e);
        }
    }

    private static LabeledImages download(NDManager manager, Dataset.Usage usage) throws IOException {
        Mnist mnist = Mnist.builder().optUsage(usage).optManager(manager).setSampling(1, false).build();
        try {
            mnist.prepare();
        } catch (TranslateException e) {
            throw new IOException(e.getMessage(), e);
        }
        int size = (int) mnist.size();
        try (Batch all = mnist.getByRange(manager, 0, size)) {
            NDArray images = all.getData().head();
            byte[] pixels = images.toType(ai.djl.ndarray.types.DataType.UINT8, false).toByteArray();
            float[] raw = all.getLabels().head().toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = (int) raw[i];
            }
            return new LabeledImages(pixels, labels, 1, 28, 28, CLASSES);
        }
    }
}
