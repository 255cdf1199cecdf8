package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.Canonical;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.plugin.internal.PluginDiscovery;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The effective descriptor and its hash with the real plugins: defaults (plugins' included) are
 * spelt out, and key order, formatting and explicit defaults do not change the hash.
 */
class EffectiveDescriptorTest {

    static final Path SEED = Path.of("..", "experiments", "seed-cnn.yaml");
    static final PluginCatalog CATALOG = PluginDiscovery.discover(List.of());

    @TempDir
    Path dir;

    @Test
    void reorderedReformattedWithExplicitDefaultsHashesLikeTheSeed() throws IOException {
        Path same = dir.resolve("same.yaml");
        Files.writeString(same, """
                # the seed convnet, written differently
                training:
                  epochs: 10
                  batch_size: 100.0
                optimizer:
                  learning_rate: 1.0e-3
                  type: sgd
                  momentum: 0.0
                  schedule: fixed
                loss: {type: softmax-cross-entropy}
                model:
                  layers:
                    - {filters: 32, type: conv2d, padding: same, kernel: 5, stride: 1, bias: true}
                    - type: relu
                    - {type: maxpool2d, stride: 2, size: 2}
                    - {type: conv2d, filters: 36, kernel: 5, padding: same}
                    - {type: relu}
                    - {type: maxpool2d, size: 2, stride: 2}
                    - {type: flatten}
                    - {type: dense, units: 1764, bias: true}
                    - {type: relu}
                    - {type: dropout, rate: 0.4}
                    - {type: dense, units: 10}
                  input: [1, 28, 28]
                dataset:
                  split: {seed: 42, validation: 0.2}
                  type: fashion-mnist
                device: AUTO
                engine: mxnet
                seed: 42
                checkpoint: {enabled: true, metric: validate_accuracy, mode: max}
                name: another-name
                description: labels do not change what is computed
                tags: [x, y]
                """);

        assertEquals(hash(SEED), hash(same));
    }

    @Test
    void changingWhatIsComputedChangesTheHash() {
        String seed = hash(SEED);
        assertNotEquals(seed, ExperimentPlanner.plan(SEED, List.of("optimizer.learning_rate=0.01"), CATALOG).hash());
        assertNotEquals(seed, ExperimentPlanner.plan(SEED, List.of("model.layers[9].rate=0.5"), CATALOG).hash());
        assertNotEquals(seed, ExperimentPlanner.plan(SEED, List.of("training.epochs=3"), CATALOG).hash());
        assertEquals(seed, ExperimentPlanner.plan(SEED, List.of("name=renamed", "tags=[a]"), CATALOG).hash());
    }

    @Test
    void effectiveDescriptorSpellsOutDefaultsAndTypedOverrides() {
        ExperimentPlan plan = ExperimentPlanner.plan(SEED,
                List.of("optimizer.learning_rate=0.01", "model.layers[7].units=512", "training.threads=2"), CATALOG);

        Map<String, Object> flat = Canonical.flatten(plan.effective());
        assertEquals(0.01, flat.get("optimizer.learning_rate"));
        assertEquals(512L, flat.get("model.layers[7].units"));
        assertEquals(true, flat.get("model.layers[7].bias"));
        assertEquals(0.0, flat.get("optimizer.momentum"));
        assertEquals("fixed", flat.get("optimizer.schedule.type"));
        assertEquals(2L, flat.get("training.threads"));
        assertEquals(true, flat.get("checkpoint.enabled"));
        assertEquals(plan.hash(), Canonical.hash(plan.effective()));
    }

    @Test
    void quickstartExtendsTheSeedAndChangesOnlyTheOptimizerAndTraining() {
        Map<String, Object> seed = Canonical.flatten(ExperimentPlanner.plan(SEED, List.of(), CATALOG).effective());
        Map<String, Object> quick = Canonical.flatten(ExperimentPlanner.plan(SEED.resolveSibling("quickstart.yaml"), List.of(), CATALOG).effective());

        assertEquals(seed.get("model.layers[7].units"), quick.get("model.layers[7].units"));
        assertEquals(seed.get("dataset.split.validation"), quick.get("dataset.split.validation"));
        assertEquals("adam", quick.get("optimizer.type"));
        assertEquals(4L, quick.get("training.epochs"));
        assertEquals(null, quick.get("optimizer.momentum"), "sgd's parameters do not leak into adam");
        assertEquals("quickstart", quick.get("name"));
    }

    private static String hash(Path file) {
        return ExperimentPlanner.plan(file, List.of(), CATALOG).hash();
    }
}
