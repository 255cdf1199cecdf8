package org.djx.descriptor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One experiment as described by a YAML descriptor, with every default applied. Immutable.
 *
 * <p>The schema and defaults are documented in {@code experiments/README.md}. Plugin parameters
 * ({@link PluginSpec#params()}) stay as written until the plugin is resolved.
 */
public record Experiment(
        String name,
        String description,
        List<String> tags,
        long seed,
        String engine,
        List<String> devices,
        Dataset dataset,
        Model model,
        PluginSpec loss,
        Optimizer optimizer,
        Training training,
        Checkpoint checkpoint,
        Map<String, Object> sweep,
        SourceMap sources) {

    /** Data to train on and how it is split. */
    public record Dataset(PluginSpec plugin, double validation, long splitSeed, String splitFrom, Long limit) {

        /** Keys of {@code dataset:} that belong to the framework, not to the dataset plugin. */
        public static final Set<String> FRAMEWORK_KEYS = Set.of("split", "limit");
    }

    /** The network: the shape of one example (channels, height, width) and the layers in order. */
    public record Model(List<Long> input, List<PluginSpec> layers) {}

    /** The optimizer plugin, its base learning rate and an optional learning-rate schedule plugin. */
    public record Optimizer(PluginSpec plugin, double learningRate, PluginSpec schedule) {

        /** Keys of {@code optimizer:} that belong to the framework, not to the optimizer plugin. */
        public static final Set<String> FRAMEWORK_KEYS = Set.of("learning_rate", "schedule");
    }

    /**
     * How long and how to train.
     *
     * @param epochs number of passes over the training split (ignored when {@code steps} is set)
     * @param steps total optimizer steps, or {@code null} to train by epochs
     * @param evalEvery with {@code steps}, validate every this many steps; otherwise once per epoch
     * @param threads engine threads, or {@code null} for every available core
     */
    public record Training(
            int batchSize, int epochs, Long steps, Long evalEvery, EarlyStopping earlyStopping, Integer threads) {}

    /** Stop when {@code metric} has not improved by {@code minDelta} for {@code patience} evaluations. */
    public record EarlyStopping(String metric, boolean maximize, int patience, double minDelta) {}

    /** Which parameters to keep on disk: the best by {@code metric} and/or the last. */
    public record Checkpoint(boolean enabled, String metric, boolean maximize) {}
}
