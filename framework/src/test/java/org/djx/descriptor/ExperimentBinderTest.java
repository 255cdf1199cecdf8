package org.djx.descriptor;

import static org.djx.descriptor.DescriptorFiles.load;
import static org.djx.descriptor.DescriptorFiles.only;
import static org.djx.descriptor.DescriptorFiles.problems;
import static org.djx.descriptor.DescriptorFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentBinderTest {

    static final String MINIMAL = """
            dataset: fashion-mnist
            model:
              layers:
                - {type: flatten}
                - {type: dense, units: 10}
            """;

    @TempDir
    Path dir;

    @Test
    void everythingLeftOutTakesItsDefault() {
        Experiment e = load(write(dir, "minimal.yaml", MINIMAL));

        assertEquals("minimal", e.name(), "the file name without extension");
        assertEquals("", e.description());
        assertEquals(List.of(), e.tags());
        assertEquals(42, e.seed());
        assertEquals("MXNet", e.engine());
        assertEquals(List.of("auto"), e.devices());
        assertEquals("fashion-mnist", e.dataset().plugin().type());
        assertEquals(0.2, e.dataset().validation());
        assertEquals(42, e.dataset().splitSeed(), "the split seed follows the experiment seed");
        assertEquals("all", e.dataset().splitFrom());
        assertNull(e.dataset().limit());
        assertEquals(List.of(1L, 28L, 28L), e.model().input());
        assertEquals(2, e.model().layers().size());
        assertEquals("softmax-cross-entropy", e.loss().type());
        assertEquals("sgd", e.optimizer().plugin().type());
        assertEquals(0.001, e.optimizer().learningRate());
        assertEquals("fixed", e.optimizer().schedule().type());
        assertEquals(new Experiment.Training(100, 10, null, null, null, null), e.training());
        assertEquals(new Experiment.Checkpoint(true, "validate_accuracy", true), e.checkpoint());
        assertNull(e.sweep());
    }

    @Test
    void everyKeyIsRead() {
        Experiment e = load(write(dir, "full.yaml", """
                name: full
                description: every key
                tags: [a, b]
                seed: 7
                engine: mxnet
                device: [gpu:0, GPU:1]
                dataset:
                  type: idx
                  path: /data
                  split: {validation: 0.1, seed: 3, from: train}
                  limit: 500
                model:
                  input: [3, 32, 32]
                  layers: [{type: flatten}, {type: dense, units: 10}]
                loss: {type: softmax-cross-entropy}
                optimizer:
                  type: adam
                  learning_rate: 0.01
                  beta1: 0.8
                  schedule: {type: cosine, warmup: 100}
                training:
                  batch_size: 64
                  steps: 1000
                  eval_every: 200
                  threads: 2
                  early_stopping: {metric: validate_loss, patience: 5, min_delta: 0.001}
                checkpoint: {enabled: false, metric: train_loss}
                """));

        assertEquals("full", e.name());
        assertEquals(List.of("a", "b"), e.tags());
        assertEquals(7, e.seed());
        assertEquals("MXNet", e.engine());
        assertEquals(List.of("gpu:0", "gpu:1"), e.devices());
        assertEquals(Map.of("path", "/data"), e.dataset().plugin().params(), "framework keys are not plugin parameters");
        assertEquals(0.1, e.dataset().validation());
        assertEquals(3, e.dataset().splitSeed());
        assertEquals("train", e.dataset().splitFrom());
        assertEquals(500L, e.dataset().limit());
        assertEquals(List.of(3L, 32L, 32L), e.model().input());
        assertEquals(Map.of("beta1", 0.8), e.optimizer().plugin().params());
        assertEquals(0.01, e.optimizer().learningRate());
        assertEquals(new PluginSpec("cosine", Map.of("warmup", 100L), "optimizer.schedule"), e.optimizer().schedule());
        assertEquals(new Experiment.Training(64, 10, 1000L, 200L,
                new Experiment.EarlyStopping("validate_loss", false, 5, 0.001), 2), e.training());
        assertEquals(new Experiment.Checkpoint(false, "train_loss", false), e.checkpoint(), "losses are minimised");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        List<Problem> problems = problems(write(dir, "bad.yaml", """
                seed: -1
                engine: tensorflow
                dataset: {type: idx, split: {validation: 1.5}}
                model:
                  input: [1, 0, 28]
                  layers: []
                training: {batch_size: 0, epochs: two}
                """));

        assertEquals(List.of("seed", "engine", "dataset.split.validation", "model.input[1]", "model.layers",
                "training.batch_size", "training.epochs"), problems.stream().map(Problem::path).toList());
        assertEquals(new SourcePosition(dir.resolve("bad.yaml").toString(), 2, 9), problems.get(1).position());
        assertTrue(problems.get(1).message().contains("[MXNet, PyTorch]"), problems.get(1).message());
    }

    @Test
    void countsTooLargeForTheirTypeAreProblemsNotWrappedRound() {
        List<Problem> problems = problems(write(dir, "huge.yaml", MINIMAL + """
                training: {batch_size: 4000000000, epochs: 99999999999999999999999}
                """));

        assertEquals(List.of("training.batch_size", "training.epochs"), problems.stream().map(Problem::path).toList());
        assertEquals("must be at most 2147483647, got 4000000000", problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("must be at most 2147483647, got 9.99"), problems.get(1).message());
    }

    @Test
    void unknownKeysSuggestTheNearestAndOtherwiseListTheKnownOnes() {
        List<Problem> problems = problems(write(dir, "typo.yaml", MINIMAL + """
                trainig: {epochs: 2}
                checkpoint: {zzz: 1}
                """));

        assertEquals(2, problems.size(), problems.toString());
        assertEquals("unknown key 'trainig'; did you mean 'training'?", problems.get(0).message());
        assertEquals(6, problems.get(0).position().line());
        assertEquals(1, problems.get(0).position().column());
        assertEquals("checkpoint.zzz", problems.get(1).path());
        assertTrue(problems.get(1).message().contains("known keys: enabled, metric, mode"), problems.get(1).message());
    }

    @Test
    void missingRequiredSectionsAreReportedWhereTheirParentIs() {
        List<Problem> problems = problems(write(dir, "nothing.yaml", "# comment\nname: nothing\n"));

        assertEquals(List.of("dataset", "model"), problems.stream().map(Problem::path).toList());
        assertEquals(2, problems.get(0).position().line());
    }

    @Test
    void aLayerWithoutTypeIsReportedAtTheLayer() {
        Problem p = only(problems(write(dir, "notype.yaml", """
                dataset: mnist
                model:
                  layers:
                    - {units: 10}
                """)));

        assertEquals("model.layers[0].type", p.path());
        assertEquals(4, p.position().line());
        assertEquals(7, p.position().column());

        Problem typo = only(problems(write(dir, "typo.yaml", "dataset: mnist\nmodel: {layers: [{typ: relu}]}\n")));
        assertEquals("is required (the plugin's short name); is 'typ' meant to be 'type'?", typo.message());
    }

    @Test
    void stepsAndEpochsExcludeEachOtherAndEvalEveryNeedsSteps() {
        List<Problem> problems = problems(write(dir, "both.yaml", MINIMAL + "training: {epochs: 2, steps: 10}\n"));
        assertEquals("training.steps", only(problems).path());

        problems = problems(write(dir, "eval.yaml", MINIMAL + "training: {eval_every: 10}\n"));
        assertEquals("training.eval_every", only(problems).path());
    }

    @Test
    void earlyStoppingWatchesAKnownMetric() {
        Problem p = only(problems(write(dir, "metric.yaml", MINIMAL + "training: {early_stopping: {metric: accuracy}}\n")));

        assertEquals("training.early_stopping.metric", p.path());
        assertTrue(p.message().contains("validate_accuracy"), p.message());
    }

    @Test
    void devicesMustBeKnownAndListsOnlyGpus() {
        assertEquals("device", only(problems(write(dir, "d1.yaml", MINIMAL + "device: tpu\n"))).path());
        assertEquals("device", only(problems(write(dir, "d2.yaml", MINIMAL + "device: [cpu, gpu:1]\n"))).path());
        assertFalse(load(write(dir, "d3.yaml", MINIMAL + "device: gpu:3\n")).devices().isEmpty());
    }
}
