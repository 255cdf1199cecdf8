package org.djx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.plugin.internal.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code djx plugins} and where it looks for plugin jars, with jars built at test time. */
class PluginsCommandTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true));
        System.setErr(new PrintStream(e, true));
        try {
            return Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString();
            err = e.toString();
        }
    }

    @Test
    void jsonListsParametersDefaultsRangesAndTheJar() throws Exception {
        Path jar = PluginJars.layers(Files.createDirectory(dir.resolve("mine")), "my-layers.jar", "my-layer");

        int status = run("plugins", "--kind", "layer", "--format", "json", "--plugin-path", dir.resolve("mine").toString(),
                "--store", dir.resolve("x.db").toString());

        assertEquals(0, status, err);
        JsonNode rows = new ObjectMapper().readTree(out);
        assertEquals(1, rows.size(), out);
        JsonNode row = rows.get(0);
        assertEquals("layer", row.get("kind").asText());
        assertEquals("my-layer", row.get("name").asText());
        assertEquals(jar.toString(), row.get("source").asText());
        JsonNode scale = row.get("parameters").get(0);
        assertEquals("scale", scale.get("name").asText());
        assertEquals(1.0, scale.get("default").asDouble());
        assertEquals("[0, inf)", scale.get("range").asText());
        assertFalse(scale.get("required").asBoolean());
    }

    @Test
    void tableShowsPluginsFromPluginsDirNextToTheStore() throws Exception {
        Path pluginsDir = Files.createDirectories(dir.resolve("results/plugins.d"));
        PluginJars.layers(pluginsDir, "dropped.jar", "dropped-layer");

        int status = run("plugins", "--store", dir.resolve("results/djx.db").toString());

        assertEquals(0, status, err);
        assertTrue(out.contains("LAYERS") && out.contains("dropped-layer") && out.contains("dropped.jar"), out);
        assertTrue(out.contains("scale") && out.contains("default 1, in [0, inf)"), out);
    }

    @Test
    void anEmptyKindSaysSo() {
        assertEquals(0, run("plugins", "--kind", "dataset", "--store", dir.resolve("x.db").toString()));
        assertTrue(out.contains("no dataset plugins installed"), out);
    }

    @Test
    void duplicateNamesAreAUserErrorNamingBothJars() throws Exception {
        PluginJars.layers(dir, "one.jar", "twin");
        PluginJars.layers(dir, "two.jar", "twin");

        int status = run("plugins", "--plugin-path", dir.toString(), "--store", dir.resolve("x.db").toString());

        assertEquals(2, status);
        assertTrue(err.contains("one.jar") && err.contains("two.jar"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void brokenJarIsAWarningAndTheRestIsListed() throws Exception {
        PluginJars.layers(dir, "fine.jar", "fine-layer");
        PluginJars.missingClass(dir, "broken.jar");

        int status = run("plugins", "--plugin-path", dir.toString(), "--store", dir.resolve("x.db").toString());

        assertEquals(0, status, err);
        assertTrue(err.contains("warning") && err.contains("broken.jar"), err);
        assertTrue(out.contains("fine-layer"), out);
    }

    @Command
    static final class Options {
        @Mixin
        Environment environment;
    }

    @Test
    void pluginDirsComeFromOptionThenEnvironmentThenNextToTheStore() {
        Options options = new Options();
        new CommandLine(options).parseArgs("--plugin-path", "a", "--plugin-path", "b", "--store", "/data/runs/djx.db");

        List<Path> dirs = options.environment.pluginDirs("/env/one" + File.pathSeparator + "/env/two");

        assertEquals(List.of(Path.of("a"), Path.of("b"), Path.of("/env/one"), Path.of("/env/two"), Path.of("/data/runs/plugins.d")), dirs);
    }

    @Test
    void byDefaultOnlyResultsPluginsDirIsSearched() {
        Options options = new Options();
        new CommandLine(options).parseArgs();

        assertEquals(List.of(Path.of("results", "plugins.d").toAbsolutePath()), options.environment.pluginDirs(null));
    }
}
