package org.djx.descriptor;

import static org.djx.descriptor.DescriptorFiles.failure;
import static org.djx.descriptor.DescriptorFiles.load;
import static org.djx.descriptor.DescriptorFiles.only;
import static org.djx.descriptor.DescriptorFiles.problems;
import static org.djx.descriptor.DescriptorFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeBase() {
        write(dir, "base.yaml", """
                name: base
                tags: [reference]
                dataset:
                  type: fashion-mnist
                  split: {validation: 0.2, seed: 5}
                model:
                  layers:
                    - {type: flatten}
                    - {type: dense, units: 10}
                optimizer: {type: sgd, learning_rate: 0.1, momentum: 0.9}
                training: {batch_size: 100, epochs: 10}
                """);
    }

    @Test
    void mappingsMergeKeyByKey() {
        Experiment e = load(write(dir, "child.yaml", """
                extends: base.yaml
                name: child
                dataset: {split: {validation: 0.1}}
                training: {epochs: 2}
                """));

        assertEquals("child", e.name());
        assertEquals(List.of("reference"), e.tags());
        assertEquals("fashion-mnist", e.dataset().plugin().type());
        assertEquals(0.1, e.dataset().validation());
        assertEquals(5, e.dataset().splitSeed());
        assertEquals(100, e.training().batchSize());
        assertEquals(2, e.training().epochs());
        assertEquals(Map.of("momentum", 0.9), e.optimizer().plugin().params());
    }

    @Test
    void listsAreReplacedWhole() {
        Experiment e = load(write(dir, "child.yaml", """
                extends: base.yaml
                tags: [child]
                model:
                  layers: [{type: flatten}, {type: dense, units: 64}, {type: dense, units: 10}]
                """));

        assertEquals(List.of("child"), e.tags());
        assertEquals(3, e.model().layers().size());
    }

    @Test
    void changingAPluginTypeDropsTheOldPluginsParameters() {
        Experiment e = load(write(dir, "child.yaml", """
                extends: base.yaml
                optimizer: {type: adam}
                """));

        assertEquals(new PluginSpec("adam", Map.of(), "optimizer"), e.optimizer().plugin());
        assertEquals(0.001, e.optimizer().learningRate(), "a new plugin starts from the defaults");
    }

    @Test
    void positionsPointIntoTheFileThatWroteTheValue() {
        List<Problem> problems = problems(write(dir, "sub/child.yaml", """
                extends: ../base.yaml
                training: {batch_size: 0}
                """), "optimizer.learning_rate=-1");

        assertEquals(2, problems.size(), problems.toString());
        Problem batch = problems.stream().filter(p -> p.path().equals("training.batch_size")).findFirst().orElseThrow();
        assertEquals(new SourcePosition(dir.resolve("sub/child.yaml").toString(), 2, 24), batch.position());

        List<Problem> inBase = problems(write(dir, "child2.yaml", """
                extends: base.yaml
                training: {epochs: 1}
                """), "model.layers[1].units=0");
        assertEquals(List.of(), inBase, "plugin parameters are checked later, by the plugin resolver");
        Problem units = only(problems(write(dir, "child3.yaml", """
                extends: base.yaml
                training: {epochz: 1}
                """)));
        assertEquals(new SourcePosition(dir.resolve("child3.yaml").toString(), 2, 12), units.position());
    }

    @Test
    void inheritedValuesKeepTheirPositionInTheBase() {
        Experiment e = load(write(dir, "child.yaml", "extends: base.yaml\nname: c\n"));

        assertEquals(new SourcePosition(dir.resolve("base.yaml").toString(), 9, 28),
                e.sources().valueAt("model.layers[1].units"));
    }

    @Test
    void chainsOfBasesResolve() {
        write(dir, "middle.yaml", "extends: base.yaml\ntraining: {epochs: 3}\n");
        Experiment e = load(write(dir, "leaf.yaml", "extends: middle.yaml\ntraining: {batch_size: 8}\n"));

        assertEquals(new Experiment.Training(8, 3, null, null, null, null), e.training());
        assertEquals("fashion-mnist", e.dataset().plugin().type());
    }

    @Test
    void overridesInTheFileChangeOneEntryOfAnInheritedList() {
        Experiment e = load(write(dir, "wide.yaml", """
                extends: base.yaml
                overrides:
                  model.layers[1].units: 20
                  optimizer.momentum: 0.5
                  training.epochs: 4
                training: {epochs: 2}
                """));

        assertEquals(2, e.model().layers().size());
        assertEquals(Map.of("units", 20L), e.model().layers().get(1).params());
        assertEquals(Map.of("momentum", 0.5), e.optimizer().plugin().params());
        assertEquals(4, e.training().epochs(), "overrides apply after the merge");
        assertEquals(new SourcePosition(dir.resolve("wide.yaml").toString(), 3, 26),
                e.sources().valueAt("model.layers[1].units"), "positions point at the override");
    }

    @Test
    void fileOverrideProblemsPointAtTheOverride() {
        Path file = write(dir, "bad.yaml", """
                extends: base.yaml
                overrides:
                  training.batch_size: 0
                  optimizer.learning_rat: 0.1
                """);
        List<Problem> problems = problems(file);
        assertEquals(List.of(new SourcePosition(file.toString(), 3, 24)), problems.stream().map(Problem::position).toList(),
                "plugin parameters such as learning_rat are left to the plugin resolver");
        assertEquals("training.batch_size", problems.get(0).path());

        Problem range = only(failure(write(dir, "range.yaml", """
                extends: base.yaml
                overrides:
                  model.layers[5].units: 3
                """)));
        assertEquals(new SourcePosition(dir.resolve("range.yaml").toString(), 3, 3), range.position());
        assertTrue(range.message().contains("override 'model.layers[5].units': index 5 is out of range; model.layers has 2 entries"),
                range.message());

        Problem notMapping = only(failure(write(dir, "list.yaml", "extends: base.yaml\noverrides: [a]\n")));
        assertEquals("overrides", notMapping.path());
    }

    @Test
    void stepsSetOverAnInheritedEpochsWins() {
        Experiment e = load(write(dir, "steps.yaml", "extends: base.yaml\ntraining: {steps: 500, eval_every: 100}\n"));
        assertEquals(new Experiment.Training(100, 10, 500L, 100L, null, null), e.training());

        assertEquals(500L, load(dir.resolve("base.yaml"), "training.steps=500").training().steps());
    }

    @Test
    void aCycleIsReportedAtTheExtendsThatClosesIt() {
        write(dir, "a.yaml", "extends: b.yaml\nname: a\n");
        write(dir, "b.yaml", "name: b\nextends: a.yaml\n");

        Problem p = only(failure(dir.resolve("a.yaml")));

        assertEquals(new SourcePosition(dir.resolve("b.yaml").toString(), 2, 10), p.position());
        assertEquals("extends", p.path());
        assertEquals("extends cycle: a.yaml -> b.yaml -> a.yaml", p.message());
    }

    @Test
    void extendingItselfIsACycle() {
        Problem p = only(failure(write(dir, "self.yaml", "extends: self.yaml\n")));

        assertEquals("extends cycle: self.yaml -> self.yaml", p.message());
    }

    @Test
    void aDirectoryIsNamedAsOneWhetherExtendedOrLoaded() {
        Problem extended = only(failure(write(dir, "dot.yaml", "extends: .\n")));
        Problem loaded = only(failure(dir));

        assertEquals("'.' is a directory, not a descriptor to extend", extended.message());
        assertEquals(dir + " is a directory; give a descriptor file (.yaml) inside it", loaded.message());
    }

    @Test
    void aMissingBaseIsReportedAtTheExtendsLine() {
        Problem p = only(failure(write(dir, "orphan.yaml", "name: o\nextends: nowhere.yaml\n")));

        assertEquals(new SourcePosition(dir.resolve("orphan.yaml").toString(), 2, 10), p.position());
        assertTrue(p.message().startsWith("descriptor to extend not found: "), p.message());
        assertTrue(p.message().endsWith("nowhere.yaml"), p.message());
    }

    @Test
    void extendsMustBeAPath() {
        Problem p = only(failure(write(dir, "list.yaml", "extends: [a.yaml, b.yaml]\n")));

        assertTrue(p.message().contains("expected the path of another descriptor"), p.message());
    }

    @Test
    void aBrokenBaseIsReportedInTheBase() {
        write(dir, "broken.yaml", "a: 1\na: 2\n");

        Problem p = only(failure(write(dir, "child.yaml", "extends: broken.yaml\n")));

        assertEquals(new SourcePosition(dir.resolve("broken.yaml").toString(), 2, 1), p.position());
    }

    @Test
    void emptyAndMissingFilesAreClearErrors() {
        Problem empty = only(failure(write(dir, "empty.yaml", "")));
        assertEquals(new SourcePosition(dir.resolve("empty.yaml").toString(), 1, 1), empty.position());
        assertTrue(empty.message().startsWith("the descriptor is empty"), empty.message());

        Problem missing = only(failure(dir.resolve("absent.yaml")));
        assertTrue(missing.message().startsWith("descriptor file not found"), missing.message());
    }
}
