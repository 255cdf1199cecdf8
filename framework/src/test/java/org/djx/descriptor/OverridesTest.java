package org.djx.descriptor;

import static org.djx.descriptor.DescriptorFiles.failure;
import static org.djx.descriptor.DescriptorFiles.load;
import static org.djx.descriptor.DescriptorFiles.only;
import static org.djx.descriptor.DescriptorFiles.problems;
import static org.djx.descriptor.DescriptorFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesTest {

    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void writeDescriptor() {
        file = write(dir, "base.yaml", """
                name: base
                dataset: fashion-mnist
                model:
                  layers:
                    - {type: flatten}
                    - {type: dense, units: 1764}
                    - {type: dense, units: 10}
                optimizer: adam
                training: {batch_size: 100}
                """);
    }

    @Test
    void valuesAreTypedLikeYaml() {
        Experiment e = load(file, "optimizer.learning_rate=0.01", "training.batch_size=64", "seed=7",
                "checkpoint.enabled=false", "tags=[a, b]", "name=\"123\"", "dataset={type: idx, path: /d}");

        assertEquals(0.01, e.optimizer().learningRate());
        assertEquals(64, e.training().batchSize());
        assertEquals(7, e.seed());
        assertEquals(false, e.checkpoint().enabled());
        assertEquals(List.of("a", "b"), e.tags());
        assertEquals("123", e.name());
        assertEquals(new PluginSpec("idx", Map.of("path", "/d"), "dataset"), e.dataset().plugin());
    }

    @Test
    void listIndexesReachIntoLayers() {
        Experiment e = load(file, "model.layers[1].units=512", "model.layers[2]={type: dense, units: 5}");

        assertEquals(Map.of("units", 512L), e.model().layers().get(1).params());
        assertEquals(Map.of("units", 5L), e.model().layers().get(2).params());
    }

    @Test
    void aKeyTheFileLeavesOutButTheSchemaKnowsIsSet() {
        Experiment e = load(file, "dataset.limit=1000", "training.epochs=1");

        assertEquals(1000L, e.dataset().limit());
        assertEquals(1, e.training().epochs());
    }

    @Test
    void aBarePluginNameTakesParameters() {
        Experiment e = load(file, "optimizer.beta1=0.8");

        assertEquals(new PluginSpec("adam", Map.of("beta1", 0.8), "optimizer"), e.optimizer().plugin());
    }

    @Test
    void laterOverridesWin() {
        assertEquals(3, load(file, "training.epochs=2", "training.epochs=3").training().epochs());
    }

    @Test
    void anUnknownKeyIsAnErrorAtTheOverride() {
        Problem p = only(problems(file, "training.epoch=3"));

        assertEquals("training.epoch", p.path());
        assertEquals("--set training.epoch=3", p.position().source());
        assertEquals("--set training.epoch=3: training.epoch: unknown key 'epoch'; did you mean 'epochs'?", p.toString());
    }

    @Test
    void aWrongTypeIsAnErrorAtTheOverride() {
        Problem p = only(problems(file, "training.batch_size=lots"));

        assertEquals("--set training.batch_size=lots: training.batch_size: expected an integer, got 'lots' (a string)", p.toString());
    }

    @Test
    void anIndexOutOfRangeIsReportedAtTheListInTheFile() {
        Problem p = only(failure(file, "model.layers[3].units=5"));

        assertEquals("model.layers", p.path());
        assertEquals(new SourcePosition(file.toString(), 5, 5), p.position());
        assertTrue(p.message().contains("--set model.layers[3].units=5: index 3 is out of range; model.layers has 3 entries"), p.message());
    }

    @Test
    void aKeyBelowAScalarIsReportedAtTheScalar() {
        Problem p = only(failure(file, "training.batch_size.x=1"));

        assertEquals(new SourcePosition(file.toString(), 9, 24), p.position());
        assertTrue(p.message().contains("not a mapping"), p.message());
    }

    @Test
    void malformedOverridesAreRejected() {
        assertTrue(only(failure(file, "training.epochs")).message().contains("expected KEY=VALUE"));
        assertTrue(only(failure(file, "training..epochs=1")).message().contains("not a descriptor path"));
        assertTrue(only(failure(file, "[0]=1")).message().contains("not a descriptor path"));
        assertTrue(only(failure(file, "training.epochs=[1")).message().contains("not valid YAML"));
        assertTrue(only(failure(file, "extends=other.yaml")).message().contains("extends"));
    }

    @Test
    void everyBadOverrideIsReported() {
        assertEquals(2, failure(file, "a", "model.layers[9]=1").size());
    }

    @Test
    void anEmptyValueRestoresTheDefault() {
        assertNull(load(file, "dataset.limit=").dataset().limit());
        assertEquals(100, load(file, "training.batch_size=").training().batchSize());
    }

    @Test
    void pathsAreParsedIntoKeysAndIndexes() {
        assertEquals(List.of("model", "layers", 7, "units"), Overrides.parsePath("model.layers[7].units"));
        assertEquals(List.of("a", 0, 1), Overrides.parsePath("a[0][1]"));
        assertNull(Overrides.parsePath("a[x]"));
        assertNull(Overrides.parsePath("a[-1]"));
    }
}
