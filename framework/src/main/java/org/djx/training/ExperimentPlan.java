package org.djx.training;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.Experiment;
import org.djx.model.LayerSummary;
import org.djx.plugin.DatasetPlugin;
import org.djx.plugin.LayerInstance;
import org.djx.plugin.LossPlugin;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.SchedulePlugin;
import org.djx.plugin.internal.PluginResolver.Resolved;

/**
 * A descriptor checked completely and ready to train: every plugin resolved with validated
 * parameters, shapes inferred, and the effective descriptor with its hash.
 *
 * @param effective the effective descriptor (defaults applied), as a tree of plain values
 * @param hash stable hash of {@code effective}, see {@link org.djx.descriptor.Canonical}
 */
public record ExperimentPlan(
        Path file,
        Experiment experiment,
        Map<String, Object> effective,
        String hash,
        Shape input,
        List<LayerInstance> layers,
        List<LayerSummary> shapes,
        Resolved<DatasetPlugin> dataset,
        Resolved<LossPlugin> loss,
        Resolved<OptimizerPlugin> optimizer,
        Resolved<SchedulePlugin> schedule) {

    /** The shape of one example's model output (the last layer's), without the batch axis. */
    public Shape output() {
        return shapes.get(shapes.size() - 1).outputShape();
    }
}
