package org.djx.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.plugin.PluginBinder;
import org.djx.plugin.PluginException;
import org.djx.plugin.PluginKind;
import org.djx.plugin.PluginModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery of plugin jars in plugin directories, with jars compiled and packed at test time. */
class PluginDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void findsLayersInJarsOfEveryDirectoryAndNamesTheJar() throws Exception {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        PluginJars.layers(first, "alpha.jar", "alpha-layer");
        PluginJars.layers(second, "beta.jar", "beta-layer", "beta-two");

        PluginCatalog catalog = PluginDiscovery.discover(List.of(first, second, dir.resolve("missing")));

        assertEquals(List.of("alpha-layer", "beta-layer", "beta-two"), catalog.names(PluginKind.LAYER));
        assertEquals(first.resolve("alpha.jar").toString(), source(catalog, "alpha-layer"));
        assertEquals(second.resolve("beta.jar").toString(), source(catalog, "beta-two"));
        assertTrue(catalog.warnings().isEmpty(), catalog.warnings().toString());
    }

    @Test
    void twoPluginsWithOneNameStopStartUpNamingBothJars() throws Exception {
        PluginJars.layers(dir, "mine.jar", "twin");
        PluginJars.layers(dir, "theirs.jar", "twin");

        PluginException e = assertThrows(PluginException.class, () -> PluginDiscovery.discover(List.of(dir)));

        assertTrue(e.getMessage().contains("layer 'twin' is defined twice"), e.getMessage());
        assertTrue(e.getMessage().contains("mine.jar") && e.getMessage().contains("theirs.jar"), e.getMessage());
    }

    @Test
    void brokenJarsAreReportedByNameAndTheOthersKeepWorking() throws Exception {
        PluginJars.layers(dir, "good.jar", "good-layer");
        PluginJars.missingClass(dir, "missing-class.jar");
        PluginJars.module(dir, "throws.jar", "throw new IllegalStateException(\"boom\");");
        PluginJars.module(dir, "explodes.jar", "plugins.layer(\"explodes\", org.djx.plugin.internal.ExplodingLayer.class);");
        PluginJars.module(dir, "bad-name.jar", "plugins.layer(\"Bad Name\", org.djx.plugin.internal.IdentityLayer.class);");
        Files.writeString(dir.resolve("not-a-jar.jar"), "plain text");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(dir.resolve("no-services.jar")))) {
            out.putNextEntry(new java.util.jar.JarEntry("README"));
        }

        PluginCatalog catalog = PluginDiscovery.discover(List.of(dir));

        assertEquals(List.of("good-layer"), catalog.names(PluginKind.LAYER));
        String warnings = String.join("\n", catalog.warnings());
        for (String jar : List.of("missing-class.jar", "throws.jar", "explodes.jar", "bad-name.jar", "not-a-jar.jar", "no-services.jar")) {
            assertTrue(warnings.contains(jar), "no warning names " + jar + ":\n" + warnings);
        }
        assertTrue(warnings.contains("not-a-jar.jar is not a readable jar file"), warnings);
        assertTrue(warnings.contains("boom") && warnings.contains("must be lower-case") && warnings.contains("native library not found"),
                warnings);
    }

    @Test
    void aDirectoryNamedTwiceIsSearchedOnce() throws Exception {
        PluginJars.layers(dir, "once.jar", "once");

        PluginCatalog catalog = PluginDiscovery.discover(List.of(dir, dir.resolve("../" + dir.getFileName())));

        assertEquals(List.of("once"), catalog.names(PluginKind.LAYER));
    }

    @Test
    void explicitModulesAreCheckedLikeDiscoveredOnes() {
        PluginModule one = module("first");
        assertEquals(List.of("first"), PluginDiscovery.fromModules(List.of(one)).names(PluginKind.LAYER));

        PluginException e = assertThrows(PluginException.class, () -> PluginDiscovery.fromModules(List.of(one, module("first"))));
        assertTrue(e.getMessage().contains("layer 'first' is defined twice"), e.getMessage());
    }

    private static PluginModule module(String layer) {
        return new PluginModule() {
            @Override
            protected void configurePlugins(PluginBinder plugins) {
                plugins.layer(layer, IdentityLayer.class);
            }
        };
    }

    private static String source(PluginCatalog catalog, String layer) {
        return catalog.all(PluginKind.LAYER).stream().filter(p -> p.name().equals(layer)).findFirst().orElseThrow().source();
    }
}
