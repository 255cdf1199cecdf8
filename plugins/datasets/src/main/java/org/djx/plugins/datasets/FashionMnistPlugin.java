package org.djx.plugins.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.djx.plugin.DatasetPlugin;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code fashion-mnist}: Zalando's 70,000 clothing images, from Debian's dataset-fashion-mnist package by default. */
public final class FashionMnistPlugin implements DatasetPlugin {

    static final String DEFAULT_PATH = "/usr/share/datasets/fashion-mnist";
    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");

    @Override
    public String description() {
        return "Fashion-MNIST: 60,000 training + 10,000 test images, 10 classes";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("path", ParamType.STRING, "Directory of the IDX files.").withDefault(DEFAULT_PATH));
    }

    @Override
    public ImageDataset load(Params p) throws IOException {
        String path = p.getString("path");
        String how = DEFAULT_PATH.equals(path)
                ? "; install it with: sudo apt-get install dataset-fashion-mnist (or set dataset.path to a directory of its IDX files)"
                : "";
        return IdxFiles.load(Path.of(path), CLASSES, how);
    }
}
