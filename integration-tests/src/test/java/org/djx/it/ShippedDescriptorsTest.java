package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every descriptor shipped under {@code experiments/} validates, and the seed convnet has the reference shapes. */
class ShippedDescriptorsTest {

    static final Path EXPERIMENTS = Path.of("..", "experiments");

    static Stream<Path> shippedDescriptors() throws IOException {
        try (Stream<Path> files = Files.walk(EXPERIMENTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    /** The example third-party plugin is not on this module's class path; it is loaded as a user jar. */
    static final Path EXAMPLE_PLUGINS = Path.of("..", "plugins", "examples", "target");

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedDescriptors")
    void validates(Path file) throws IOException {
        List<String> args = new ArrayList<>(List.of("validate", file.toString()));
        if (file.startsWith(EXPERIMENTS.resolve("examples"))) {
            assumeTrue(hasJar(EXAMPLE_PLUGINS), "the example plugin jar is built by 'mvn package' (plugins/examples)");
            args.addAll(List.of("--plugin-path", EXAMPLE_PLUGINS.toString()));
        }

        CliOutput result = CliOutput.run(args.toArray(String[]::new));

        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains(file + ": ok"), result.out());
        assertTrue(result.out().contains("total parameters: "), result.out());
    }

    @Test
    void seedConvnetHasTheReferenceShapesAndParameterCount() {
        CliOutput result = CliOutput.run("validate", EXPERIMENTS.resolve("seed-cnn.yaml").toString());

        assertEquals(0, result.status(), result.err());
        String out = result.out();
        assertTrue(line(out, "6\\s+flatten\\s+\\(36, 7, 7\\)\\s+\\(1764\\)\\s+0"), out);
        assertTrue(line(out, "7\\s+dense\\s+\\(1764\\)\\s+\\(1764\\)\\s+3,113,460"), "1764 inputs to the first dense layer:\n" + out);
        assertTrue(line(out, "10\\s+dense\\s+\\(1764\\)\\s+\\(10\\)\\s+17,650"), out);
        assertTrue(out.contains("total parameters: 3,160,778"), out);
    }

    @Test
    void validatesSeveralFilesAndReportsEachOne() {
        CliOutput result = CliOutput.run("validate", EXPERIMENTS.resolve("seed-cnn.yaml").toString(),
                BadDescriptorsTest.BAD.resolve("07-zero-batch-size.yaml").toString(),
                EXPERIMENTS.resolve("quickstart.yaml").toString());

        assertEquals(2, result.status());
        assertTrue(result.out().contains("seed-cnn.yaml: ok"), result.out());
        assertTrue(result.out().contains("quickstart.yaml: ok"), "files after a bad one are still checked:\n" + result.out());
        assertTrue(result.err().contains("07-zero-batch-size.yaml:7:24: training.batch_size: must be at least 1, got 0"), result.err());
        assertTrue(result.err().contains("07-zero-batch-size.yaml: 1 problem"), result.err());
    }

    @Test
    void overridesChangeTheSummary() {
        CliOutput result = CliOutput.run("validate", EXPERIMENTS.resolve("seed-cnn.yaml").toString(),
                "--set", "model.layers[7].units=512", "--set", "optimizer.learning_rate=0.01");

        assertEquals(0, result.status(), result.err());
        assertTrue(line(result.out(), "7\\s+dense\\s+\\(1764\\)\\s+\\(512\\)\\s+903,680"), result.out());
        assertTrue(line(result.out(), "10\\s+dense\\s+\\(512\\)\\s+\\(10\\)\\s+5,130"), result.out());
        assertFalse(result.hasStackTrace());
    }

    private static boolean hasJar(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("djx-examples-.*(?<!-tests)\\.jar"));
        }
    }

    private static boolean line(String text, String regex) {
        return Pattern.compile("^\\s+" + regex + "\\s*$", Pattern.MULTILINE).matcher(text).find();
    }
}
