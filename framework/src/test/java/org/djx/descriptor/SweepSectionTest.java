package org.djx.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSectionTest {

    @TempDir
    Path dir;

    private DescriptorLoader.Result load(String sweep) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                seed: 5
                dataset: {type: idx, path: /nowhere}
                model: {layers: [{type: flatten}, {type: dense, units: 10}]}
                """ + sweep);
        return DescriptorLoader.load(file, List.of());
    }

    private String problems(DescriptorLoader.Result r) {
        return r.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void readsEveryKindOfParameter() throws Exception {
        DescriptorLoader.Result r = load("""
                sweep:
                  strategy: random
                  trials: 12
                  parameters:
                    optimizer.learning_rate: {loguniform: [1.0e-4, 0.1]}
                    model.layers[1].units: {int: [8, 64], step: 8}
                    optimizer.type: [sgd, adam]
                    training.batch_size: {choice: [32, 64]}
                    dataset.split.validation: {uniform: [0.1, 0.3]}
                  objective: {metric: validate_loss}
                  pruner: {type: asha, warmup: 2, reduction: 2}
                """);
        assertEquals("", problems(r));
        SweepSection s = SweepSection.of(r.experiment());
        assertEquals("random", s.strategy());
        assertEquals(12, s.trials());
        assertEquals(5, s.seed(), "the sampling seed defaults to the experiment's");
        assertEquals(1, s.maxRetries());
        assertEquals(List.of("optimizer.learning_rate", "model.layers[1].units", "optimizer.type", "training.batch_size",
                "dataset.split.validation"), s.parameters().stream().map(SweepSection.Parameter::path).toList());
        assertEquals(new SweepSection.LogUniform(1e-4, 0.1), s.parameters().get(0).domain());
        assertEquals(new SweepSection.IntRange(8, 64, 8), s.parameters().get(1).domain());
        assertEquals(new SweepSection.Choices(List.of("sgd", "adam")), s.parameters().get(2).domain());
        assertEquals(new SweepSection.Choices(List.of(32L, 64L)), s.parameters().get(3).domain());
        assertEquals(new SweepSection.Uniform(0.1, 0.3), s.parameters().get(4).domain());
        assertEquals(new SweepSection.Objective("validate_loss", false), s.objective(), "losses are minimised by default");
        assertEquals(new SweepSection.Pruner("asha", 2, 2), s.pruner());
    }

    @Test
    void defaultsToAGridMaximisingValidationAccuracyWithoutPruning() throws Exception {
        DescriptorLoader.Result r = load("sweep: {parameters: {optimizer.learning_rate: [0.1, 0.01]}}\n");
        SweepSection s = SweepSection.of(r.experiment());
        assertEquals("grid", s.strategy());
        assertNull(s.trials());
        assertEquals(new SweepSection.Objective("validate_accuracy", true), s.objective());
        assertEquals("none", s.pruner().type());
    }

    @Test
    void reportsEachMistakeWithItsLine() throws Exception {
        DescriptorLoader.Result r = load("""
                sweep:
                  strategy: random
                  parameters:
                    optimizer.learning_rate: {loguniform: [0, 0.1]}
                    model.layers[x].units: [1, 2]
                    training.batch_size: {int: [64, 32]}
                    training.epochs: {uniform: [1, 2], step: 1}
                    optimizer.type: []
                    seed: 3
                    dataset.limit: {normal: [0, 1]}
                  objective: {goal: upward}
                """);
        String p = problems(r);
        assertTrue(p.contains("s.yaml:5:") && p.contains("sweep.trials: is required with strategy: random"), p);
        assertTrue(p.contains("s.yaml:7:") && p.contains("loguniform needs 0 < low < high, got [0, 0.1]"), p);
        assertTrue(p.contains("s.yaml:8:") && p.contains("'model.layers[x].units' is not a descriptor path"), p);
        assertTrue(p.contains("s.yaml:9:") && p.contains("expected integers [low, high] with low <= high"), p);
        assertTrue(p.contains("sweep.parameters.training.epochs.step: only applies to {int: [lo, hi]}"), p);
        assertTrue(p.contains("sweep.parameters.optimizer.type: the list of values is empty"), p);
        assertTrue(p.contains("sweep.parameters.seed: expected a list of values or a distribution"), p);
        assertTrue(p.contains("sweep.parameters.dataset.limit: expected a list of values or one of uniform, loguniform, int or choice, got {normal}"), p);
        assertTrue(p.contains("sweep.objective.goal: 'upward' is not one of [maximize, minimize]"), p);
    }

    @Test
    void aGridNeedsFinitelyManyValues() throws Exception {
        DescriptorLoader.Result r = load("""
                sweep:
                  parameters:
                    optimizer.learning_rate: {loguniform: [0.001, 0.1]}
                """);
        assertTrue(problems(r).contains("sweep.parameters.optimizer.learning_rate: a grid needs finitely many values"), problems(r));
    }
}
