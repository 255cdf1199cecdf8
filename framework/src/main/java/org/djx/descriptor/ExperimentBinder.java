package org.djx.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a descriptor tree into an {@link Experiment}, applying defaults and collecting problems. */
final class ExperimentBinder {

    static final List<String> ENGINES = List.of("MXNet", "PyTorch");
    static final String DEFAULT_METRIC = "validate_accuracy";
    /** The metrics every run records per epoch, which early stopping and checkpoints can watch. */
    static final List<String> METRICS = List.of("validate_accuracy", "validate_loss", "train_accuracy", "train_loss");

    private final SourceMap sources;
    private final List<Problem> problems;

    ExperimentBinder(SourceMap sources, List<Problem> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    Experiment bind(Object root, String defaultName) {
        Fields top = new Fields(root, "", sources, problems);
        top.raw("overrides"); // applied by the loader; known here for "did you mean"
        String name = top.string("name", defaultName);
        String description = top.string("description", "");
        List<String> tags = top.strings("tags");
        long seed = top.integer("seed", 42, 0);
        String engine = top.choice("engine", "MXNet", ENGINES);
        List<String> devices = devices(top);
        Experiment.Dataset dataset = dataset(top, seed);
        Experiment.Model model = model(top);
        PluginSpec loss = top.plugin("loss", "softmax-cross-entropy", Set.of());
        Experiment.Optimizer optimizer = optimizer(top);
        Experiment.Training training = training(top);
        Experiment.Checkpoint checkpoint = checkpoint(top);
        Map<String, Object> sweep = sweep(top, seed);
        top.raw("extends"); // consumed by the loader
        top.finish();
        return new Experiment(name, description, tags, seed, engine, devices, dataset, model, loss, optimizer,
                training, checkpoint, sweep, sources);
    }

    private List<String> devices(Fields top) {
        List<String> devices = top.strings("device");
        if (devices.isEmpty()) {
            return List.of("auto");
        }
        for (int i = 0; i < devices.size(); i++) {
            String d = devices.get(i).toLowerCase();
            devices.set(i, d);
            if (!d.matches("auto|cpu|gpu|gpu:\\d+")) {
                top.problem(top.pathOf("device"), "'" + d + "' is not a device; use auto, cpu, gpu, gpu:N or a list of gpu:N");
            }
        }
        if (devices.size() > 1 && (devices.contains("auto") || devices.contains("cpu"))) {
            top.problem(top.pathOf("device"), "a device list may only name GPUs (gpu:0, gpu:1, ...)");
        }
        return List.copyOf(devices);
    }

    private Experiment.Dataset dataset(Fields top, long seed) {
        String path = "dataset";
        if (top.raw(path) == null) {
            top.problem(path, "is required (e.g. dataset: {type: fashion-mnist})");
            return new Experiment.Dataset(null, 0.2, seed, "all", null);
        }
        Object raw = top.raw(path);
        // A bare name ("dataset: fashion-mnist") is a plugin with its defaults, as for loss and optimizer.
        Fields f = new Fields(raw instanceof Map ? raw : null, path, sources, problems);
        f.raw("type");
        Object split = f.raw("split");
        Long limit = f.optionalInteger("limit", 1);
        PluginSpec plugin = f.pluginAt(raw, path, null, Experiment.Dataset.FRAMEWORK_KEYS);
        Fields s = new Fields(split, path + ".split", sources, problems);
        double validation = s.number("validation", 0.2, 0.0, 1.0, true);
        long splitSeed = s.integer("seed", seed, 0);
        String from = s.choice("from", "all", List.of("all", "train"));
        s.finish();
        return new Experiment.Dataset(plugin, validation, splitSeed, from, limit);
    }

    private Experiment.Model model(Fields top) {
        Fields f = new Fields(top.raw("model"), "model", sources, problems);
        if (top.raw("model") == null) {
            top.problem("model", "is required (model: {input: [1, 28, 28], layers: [...]})");
        }
        List<Long> input = new ArrayList<>();
        Object rawInput = f.raw("input");
        if (rawInput == null) {
            input = List.of(1L, 28L, 28L);
        } else if (rawInput instanceof List<?> dims && !dims.isEmpty()) {
            for (int i = 0; i < dims.size(); i++) {
                Long d = Values.asLong(dims.get(i));
                if (d == null || d < 1) {
                    f.problem("model.input[" + i + "]", "expected a positive integer, got " + Values.describe(dims.get(i)));
                } else {
                    input.add(d);
                }
            }
        } else {
            f.problem("model.input", "expected a list of dimensions such as [1, 28, 28], got " + Values.describe(rawInput));
        }
        List<PluginSpec> layers = new ArrayList<>();
        List<Object> rawLayers = f.list("layers");
        if (rawLayers == null) {
            if (top.raw("model") != null && f.raw("layers") == null) {
                f.problem("model.layers", "is required: a list of layers, each with a 'type'");
            }
        } else if (rawLayers.isEmpty()) {
            f.problem("model.layers", "must hold at least one layer");
        } else {
            for (int i = 0; i < rawLayers.size(); i++) {
                if (rawLayers.get(i) == null) {
                    f.problem("model.layers[" + i + "]", "is empty; a layer needs a 'type', e.g. {type: relu}");
                    continue;
                }
                PluginSpec layer = f.pluginAt(rawLayers.get(i), "model.layers[" + i + "]", null, Set.of());
                if (layer != null) {
                    layers.add(layer);
                }
            }
        }
        f.finish();
        return new Experiment.Model(List.copyOf(input), List.copyOf(layers));
    }

    private Experiment.Optimizer optimizer(Fields top) {
        Object raw = top.raw("optimizer");
        // Anything but a mapping is checked once, as a plugin reference, below.
        Fields f = new Fields(raw instanceof Map ? raw : null, "optimizer", sources, problems);
        double lr = f.number("learning_rate", 0.001, 0.0, Double.MAX_VALUE, false);
        if (f.has("learning_rate") && lr <= 0) {
            f.problem("optimizer.learning_rate", "must be greater than 0");
        }
        PluginSpec schedule = f.plugin("schedule", "fixed", Set.of());
        PluginSpec plugin = top.plugin("optimizer", "sgd", Experiment.Optimizer.FRAMEWORK_KEYS);
        return new Experiment.Optimizer(plugin, lr, schedule);
    }

    private Experiment.Training training(Fields top) {
        Fields f = new Fields(top.raw("training"), "training", sources, problems);
        int batchSize = f.smallInteger("batch_size", 100, 1);
        int epochs = f.smallInteger("epochs", 10, 1);
        Long steps = f.optionalInteger("steps", 1);
        // steps replaces epochs; both written in one file is a mistake, but steps set over an
        // inherited epochs (extends, overrides, --set) simply wins.
        if (steps != null && f.has("epochs")
                && sourceOf("training.steps").equals(sourceOf("training.epochs"))) {
            f.problem("training.steps", "give training.epochs or training.steps, not both");
        }
        Long evalEvery = f.optionalInteger("eval_every", 1);
        if (evalEvery != null && steps == null) {
            f.problem("training.eval_every", "only applies with training.steps; epochs are evaluated at each end");
        }
        Experiment.EarlyStopping early = null;
        if (f.has("early_stopping")) {
            Fields e = new Fields(f.raw("early_stopping"), "training.early_stopping", sources, problems);
            String metric = e.choice("metric", DEFAULT_METRIC, METRICS);
            boolean maximize = e.choice("mode", defaultMode(metric), List.of("max", "min")).equals("max");
            int patience = e.smallInteger("patience", 3, 1);
            double minDelta = e.number("min_delta", 0.0, 0.0, Double.MAX_VALUE, false);
            e.finish();
            early = new Experiment.EarlyStopping(metric, maximize, patience, minDelta);
        }
        Long threads = f.optionalInteger("threads", 1, Integer.MAX_VALUE);
        f.finish();
        return new Experiment.Training(batchSize, epochs, steps, evalEvery, early, threads == null ? null : threads.intValue());
    }

    private Experiment.Checkpoint checkpoint(Fields top) {
        Fields f = new Fields(top.raw("checkpoint"), "checkpoint", sources, problems);
        boolean enabled = f.bool("enabled", true);
        String metric = f.choice("metric", DEFAULT_METRIC, METRICS);
        boolean maximize = f.choice("mode", defaultMode(metric), List.of("max", "min")).equals("max");
        f.finish();
        return new Experiment.Checkpoint(enabled, metric, maximize);
    }

    private String sourceOf(String path) {
        SourcePosition position = sources.keyAt(path);
        return position == null ? "" : position.source();
    }

    /** Losses are minimised, everything else (accuracy) maximised, unless the user says otherwise. */
    static String defaultMode(String metric) {
        return metric != null && metric.endsWith("loss") ? "min" : "max";
    }

    /** Checks the sweep section (see {@link SweepSection}) and keeps it as written. */
    private Map<String, Object> sweep(Fields top, long seed) {
        Object raw = top.raw("sweep");
        if (raw == null) {
            return null;
        }
        SweepSection.bind(raw, seed, sources, problems);
        if (!(raw instanceof Map)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) raw);
        return copy;
    }
}
