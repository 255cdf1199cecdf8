package org.djx.plugin.internal;

import com.google.inject.AbstractModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.djx.plugin.PluginModule;

/**
 * Builds real plugin jars at test time: a {@link PluginModule} compiled with the system Java
 * compiler and a {@code META-INF/services} entry, as a user's {@code mvn package} would produce.
 */
public final class PluginJars {

    private PluginJars() {}

    /** A jar whose module binds {@link IdentityLayer} under each of {@code layerNames}. */
    public static Path layers(Path dir, String jarName, String... layerNames) throws IOException {
        String body = Stream.of(layerNames)
                .map(n -> "plugins.layer(\"" + n + "\", org.djx.plugin.internal.IdentityLayer.class);")
                .collect(Collectors.joining("\n"));
        return module(dir, jarName, body);
    }

    /** A jar whose module runs {@code configureBody} inside {@code configurePlugins(PluginBinder plugins)}. */
    public static Path module(Path dir, String jarName, String configureBody) throws IOException {
        String pkg = "gen." + jarName.replaceAll("[^a-zA-Z0-9]", "_");
        String source = "package " + pkg + ";\n"
                + "public final class TestModule extends org.djx.plugin.PluginModule {\n"
                + "  protected void configurePlugins(org.djx.plugin.PluginBinder plugins) {\n" + configureBody + "\n  }\n}\n";
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        Path file = src.resolve("TestModule.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classPath = Stream.of(PluginModule.class, AbstractModule.class, IdentityLayer.class, ai.djl.nn.Block.class)
                .map(c -> Path.of(toUri(c)).toString()).collect(Collectors.joining(java.io.File.pathSeparator));
        boolean ok = javac.getTask(errors, null, null, List.of("-classpath", classPath, "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        if (!ok) {
            throw new IllegalStateException("test plugin did not compile:\n" + errors);
        }
        Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            String classFile = pkg.replace('.', '/') + "/TestModule.class";
            add(out, classFile, Files.readAllBytes(classes.resolve(classFile)));
            add(out, "META-INF/services/org.djx.plugin.PluginModule", (pkg + ".TestModule\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** A jar whose services file names a class that is not in it. */
    public static Path missingClass(Path dir, String jarName) throws IOException {
        Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "META-INF/services/org.djx.plugin.PluginModule", "com.example.Missing\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static java.net.URI toUri(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
