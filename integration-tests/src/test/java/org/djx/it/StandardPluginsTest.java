package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.DescriptorException;
import org.djx.plugin.internal.PluginDiscovery;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard plugin jars as the launcher uses them: discovered together, listed, and planned with. */
class StandardPluginsTest {

    @TempDir
    Path dir;

    @Test
    void djxPluginsListsTheWholeStandardLibraryWithItsJars() throws Exception {
        CliOutput result = CliOutput.run("plugins", "--format", "json", "--store", dir.resolve("x.db").toString());
        assertEquals(0, result.status());
        List<String> listed = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(result.out())) {
            listed.add(row.get("kind").asText() + " " + row.get("name").asText());
            assertTrue(row.get("source").asText().matches("djx-(layers|optimizers|datasets).*|classes"), row.toString());
        }
        List<String> expected = new ArrayList<>();
        for (String layer : List.of("conv2d", "maxpool2d", "avgpool2d", "global-avgpool2d", "flatten", "dense", "dropout",
                "batchnorm", "layernorm", "relu", "leaky-relu", "elu", "gelu", "tanh", "sigmoid", "softplus", "swish", "residual")) {
            expected.add("layer " + layer);
        }
        for (String optimizer : List.of("sgd", "nag", "adam", "adamw", "adagrad", "rmsprop", "adadelta")) {
            expected.add("optimizer " + optimizer);
        }
        for (String schedule : List.of("fixed", "step", "multi-step", "cosine", "warmup")) {
            expected.add("schedule " + schedule);
        }
        expected.add("loss softmax-cross-entropy");
        expected.add("loss l2");
        assertTrue(listed.containsAll(expected), "missing: " + expected.stream().filter(e -> !listed.contains(e)).toList());
    }

    @Test
    void nestedLayersAppearInTheEffectiveDescriptorWithTheirDefaults() throws Exception {
        Path descriptor = dir.resolve("residual.yaml");
        Files.writeString(descriptor, """
                dataset: {type: idx, path: %s}
                model:
                  input: [1, 8, 8]
                  layers:
                    - type: residual
                      layers:
                        - {type: conv2d, filters: 1, kernel: 3, padding: same}
                        - {type: relu}
                    - {type: flatten}
                    - {type: dense, units: 2}
                """.formatted(dir));

        ExperimentPlan plan = ExperimentPlanner.plan(descriptor, List.of(), PluginDiscovery.discover(List.of()));

        @SuppressWarnings("unchecked")
        Map<String, Object> residual = ((List<Map<String, Object>>) ((Map<String, Object>) plan.effective().get("model")).get("layers")).get(0);
        assertEquals(false, residual.get("projection"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inner = (List<Map<String, Object>>) residual.get("layers");
        assertEquals(2, inner.size());
        assertEquals("conv2d", inner.get(0).get("type"));
        assertEquals(1L, inner.get(0).get("stride"), "defaults of nested layers are in the effective descriptor");
        assertEquals("relu", inner.get(1).get("type"));

        Files.writeString(descriptor, Files.readString(descriptor).replace("kernel: 3, padding: same", "kernel: 3, paddin: same"));
        DescriptorException e = org.junit.jupiter.api.Assertions.assertThrows(DescriptorException.class,
                () -> ExperimentPlanner.plan(descriptor, List.of(), PluginDiscovery.discover(List.of())));
        assertTrue(e.getMessage().contains("residual.yaml:7:") && e.getMessage().contains("model.layers[0].layers[0].paddin")
                && e.getMessage().contains("did you mean 'padding'"), e.getMessage());
    }
}
