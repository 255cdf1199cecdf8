package org.djx.plugins.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.djx.plugin.DatasetPlugin;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/** {@code idx}: any directory of MNIST-format IDX files. */
public final class IdxPlugin implements DatasetPlugin {

    @Override
    public String description() {
        return "MNIST-format IDX files (gzip or raw) from a directory";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.of("path", ParamType.STRING, "Directory holding train-images-idx3-ubyte[.gz] and friends.").mandatory());
    }

    @Override
    public ImageDataset load(Params p) throws IOException {
        return IdxFiles.load(Path.of(p.getString("path")), null, "");
    }
}
