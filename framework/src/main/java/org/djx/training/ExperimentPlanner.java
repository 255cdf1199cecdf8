package org.djx.training;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.Canonical;
import org.djx.descriptor.DescriptorException;
import org.djx.descriptor.DescriptorLoader;
import org.djx.descriptor.Experiment;
import org.djx.descriptor.PluginSpec;
import org.djx.descriptor.Problem;
import org.djx.model.LayerSummary;
import org.djx.model.ModelPlanner;
import org.djx.plugin.DatasetPlugin;
import org.djx.plugin.LayerInstance;
import org.djx.plugin.LossPlugin;
import org.djx.plugin.OptimizerPlugin;
import org.djx.plugin.Params;
import org.djx.plugin.PluginKind;
import org.djx.plugin.SchedulePlugin;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.plugin.internal.PluginResolver;
import org.djx.plugin.internal.PluginResolver.Resolved;

/**
 * Checks a descriptor completely before anything is trained: schema, plugins and their
 * parameters, and the model's shapes. Every problem is reported together.
 */
public final class ExperimentPlanner {

    private ExperimentPlanner() {}

    /**
     * @throws DescriptorException with every problem found
     */
    public static ExperimentPlan plan(Path file, List<String> overrides, PluginCatalog catalog) {
        DescriptorLoader.Result loaded = DescriptorLoader.load(file, overrides);
        Experiment e = loaded.experiment();
        List<Problem> problems = new ArrayList<>(loaded.problems());
        PluginResolver resolver = new PluginResolver(catalog, e.sources(), problems);

        Resolved<DatasetPlugin> dataset = e.dataset().plugin() == null ? null
                : resolver.resolve(PluginKind.DATASET, e.dataset().plugin(), Experiment.Dataset.FRAMEWORK_KEYS);
        Resolved<LossPlugin> loss = resolver.resolve(PluginKind.LOSS, e.loss());
        Resolved<OptimizerPlugin> optimizer = resolver.resolve(PluginKind.OPTIMIZER, e.optimizer().plugin(),
                Experiment.Optimizer.FRAMEWORK_KEYS);
        Resolved<SchedulePlugin> schedule = resolver.resolve(PluginKind.SCHEDULE, e.optimizer().schedule());

        List<LayerInstance> layers = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (PluginSpec spec : e.model().layers()) {
            LayerInstance layer = resolver.layer(spec);
            if (layer != null) {
                layers.add(layer);
                paths.add(spec.path());
            }
        }
        Shape input = new Shape(e.model().input().stream().mapToLong(Long::longValue).toArray());
        List<LayerSummary> shapes = null;
        if (layers.size() == e.model().layers().size() && !layers.isEmpty() && !e.model().input().isEmpty()) {
            shapes = ModelPlanner.inferShapes(layers, paths, input, e.sources(), problems);
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(Problem.inReadingOrder(problems));
        }
        Map<String, Object> effective = effective(e, dataset, loss, optimizer, schedule, layers);
        return new ExperimentPlan(file, e, effective, Canonical.hash(effective), input, List.copyOf(layers), shapes,
                dataset, loss, optimizer, schedule);
    }

    /** The effective descriptor: what was written plus every default, plugins' included. */
    private static Map<String, Object> effective(Experiment e, Resolved<DatasetPlugin> dataset, Resolved<LossPlugin> loss,
            Resolved<OptimizerPlugin> optimizer, Resolved<SchedulePlugin> schedule, List<LayerInstance> layers) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", e.name());
        tree.put("description", e.description());
        tree.put("tags", e.tags());
        tree.put("seed", e.seed());
        tree.put("engine", e.engine());
        tree.put("device", e.devices().size() == 1 ? e.devices().get(0) : e.devices());
        Map<String, Object> data = plugin(dataset.type(), dataset.params());
        data.put("split", Map.of("validation", e.dataset().validation(), "seed", e.dataset().splitSeed(), "from", e.dataset().splitFrom()));
        data.put("limit", e.dataset().limit());
        tree.put("dataset", data);
        List<Object> layerTrees = new ArrayList<>();
        for (LayerInstance layer : layers) {
            layerTrees.add(plugin(layer.type(), layer.params()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("input", e.model().input());
        model.put("layers", layerTrees);
        tree.put("model", model);
        tree.put("loss", plugin(loss.type(), loss.params()));
        Map<String, Object> opt = plugin(optimizer.type(), optimizer.params());
        opt.put("learning_rate", e.optimizer().learningRate());
        opt.put("schedule", plugin(schedule.type(), schedule.params()));
        tree.put("optimizer", opt);
        Experiment.Training t = e.training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("batch_size", (long) t.batchSize());
        training.put("epochs", (long) t.epochs());
        training.put("steps", t.steps());
        training.put("eval_every", t.evalEvery());
        training.put("threads", t.threads() == null ? null : (long) t.threads());
        if (t.earlyStopping() != null) {
            Experiment.EarlyStopping s = t.earlyStopping();
            training.put("early_stopping", Map.of("metric", s.metric(), "mode", s.maximize() ? "max" : "min",
                    "patience", (long) s.patience(), "min_delta", s.minDelta()));
        }
        tree.put("training", training);
        Experiment.Checkpoint c = e.checkpoint();
        tree.put("checkpoint", Map.of("enabled", c.enabled(), "metric", c.metric(), "mode", c.maximize() ? "max" : "min"));
        if (e.sweep() != null) {
            tree.put("sweep", e.sweep());
        }
        return tree;
    }

    private static Map<String, Object> plugin(String type, Params params) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.putAll(params.asMap());
        params.layerLists().forEach((name, nested) ->
                map.put(name, nested.stream().map(layer -> (Object) plugin(layer.type(), layer.params())).toList()));
        return map;
    }
}
