package org.djx.plugin.internal;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import com.google.inject.util.Types;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.djx.plugin.Plugin;
import org.djx.plugin.PluginException;
import org.djx.plugin.PluginKind;
import org.djx.plugin.PluginModule;

/**
 * Finds {@link PluginModule}s on the class path and in plugin directories, checks that no two
 * plugins share a name, and builds the Guice injector that creates them.
 *
 * <p>Each jar in a plugin directory gets its own class loader, so one broken jar is reported by
 * name and skipped while the others keep working.
 */
public final class PluginDiscovery {

    private PluginDiscovery() {}

    /** A module with the names it binds, listed once (its {@code configurePlugins} runs again only inside Guice). */
    private record Found(PluginModule module, String source, List<PluginModule.Binding> bindings) {}

    /**
     * Discovers every plugin.
     *
     * @param pluginDirs directories whose {@code *.jar} files are loaded as plugins; missing ones are skipped
     * @throws PluginException when two plugins share a name
     */
    public static PluginCatalog discover(List<Path> pluginDirs) {
        List<String> warnings = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        ClassLoader base = PluginDiscovery.class.getClassLoader();
        load(ServiceLoader.load(PluginModule.class, base), null, "class path", found, warnings);
        // The same directory named twice (say --plugin-path results/plugins.d, the default) is searched once.
        for (Path dir : pluginDirs.stream().map(d -> d.toAbsolutePath().normalize()).distinct().toList()) {
            for (Path jar : jars(dir, warnings)) {
                try (java.util.jar.JarFile ignored = new java.util.jar.JarFile(jar.toFile())) {
                    // opened only to report a damaged or non-jar file plainly
                } catch (IOException e) {
                    warnings.add("plugin jar " + jar + " is not a readable jar file and was skipped: " + e.getMessage());
                    continue;
                }
                try {
                    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, base);
                    int before = found.size();
                    load(ServiceLoader.load(PluginModule.class, loader), loader, jar.toString(), found, warnings);
                    if (found.size() == before) {
                        warnings.add("plugin jar " + jar + " has no META-INF/services/org.djx.plugin.PluginModule entry; skipped");
                    }
                } catch (MalformedURLException e) {
                    warnings.add("plugin jar " + jar + " cannot be opened: " + e.getMessage());
                }
            }
        }
        checkUniqueNames(found);
        return new PluginCatalog(instantiate(found, warnings), warnings);
    }

    /**
     * A catalog of exactly these modules, checked like discovered ones (unique names, Guice
     * creation); for tests and tools that must not depend on what is on the class path.
     */
    public static PluginCatalog fromModules(List<? extends PluginModule> modules) {
        List<String> warnings = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (PluginModule module : modules) {
            found.add(new Found(module, sourceOf(module, "class path"), module.bindings()));
        }
        checkUniqueNames(found);
        return new PluginCatalog(instantiate(found, warnings), warnings);
    }

    private static List<Path> jars(Path dir, List<String> warnings) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            warnings.add("plugin directory " + dir + " cannot be read: " + e.getMessage());
            return List.of();
        }
    }

    /** Loads modules one at a time so that one bad entry does not hide the rest. */
    private static void load(ServiceLoader<PluginModule> loader, ClassLoader only, String origin,
            List<Found> found, List<String> warnings) {
        Iterator<PluginModule> it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                PluginModule module = it.next();
                if (only != null && module.getClass().getClassLoader() != only) {
                    continue; // a class-path module seen again through the parent loader
                }
                // bindings() fails here, not in Guice, if configurePlugins is broken
                found.add(new Found(module, only != null ? origin : sourceOf(module, origin), module.bindings()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                warnings.add("plugin module from " + origin + " failed to load and was skipped: " + rootMessage(e));
                if (e instanceof ServiceConfigurationError && only != null) {
                    return; // the iterator cannot go on past a broken provider in the same file
                }
            }
        }
    }

    /** The file name of the jar or class directory a class-path module came from. */
    private static String sourceOf(PluginModule module, String fallback) {
        CodeSource code = module.getClass().getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return fallback;
        }
        String path = code.getLocation().getPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void checkUniqueNames(List<Found> found) {
        Map<String, Found> owners = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Found f : found) {
            for (PluginModule.Binding b : f.bindings()) {
                String key = b.kind().label() + " '" + b.name() + "'";
                Found first = owners.putIfAbsent(key, f);
                if (first != null) {
                    clashes.add(key + " is defined twice: by " + first.module().getClass().getName() + " in " + first.source()
                            + " and by " + f.module().getClass().getName() + " in " + f.source());
                }
            }
        }
        if (!clashes.isEmpty()) {
            throw new PluginException(String.join("\n", clashes) + "\nremove or rename one of each pair");
        }
    }

    /**
     * Creates every plugin, one injector per module, so a plugin that cannot be created (its
     * constructor throws, a missing dependency) takes down only its own module, with a warning.
     */
    private static List<PluginInfo> instantiate(List<Found> found, List<String> warnings) {
        List<PluginInfo> infos = new ArrayList<>();
        for (Found f : found) {
            try {
                Injector injector = Guice.createInjector(f.module());
                List<PluginInfo> own = new ArrayList<>();
                for (PluginModule.Binding b : f.bindings()) {
                    Plugin plugin = pluginMap(injector, b.kind()).get(b.name());
                    own.add(new PluginInfo(b.kind(), b.name(), plugin, f.source(), f.module().getClass().getName()));
                }
                infos.addAll(own);
            } catch (CreationException e) {
                warnings.add("plugin module " + f.module().getClass().getName() + " from " + f.source()
                        + " could not create its plugins and was skipped: "
                        + e.getErrorMessages().stream().map(Message::getMessage).findFirst().orElse(rootMessage(e)));
            } catch (ProvisionException | LinkageError e) {
                warnings.add("plugin module " + f.module().getClass().getName() + " from " + f.source()
                        + " could not create its plugins and was skipped: " + rootMessage(e));
            }
        }
        return infos;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ? extends Plugin> pluginMap(Injector injector, PluginKind kind) {
        return (Map<String, ? extends Plugin>) injector.getInstance(Key.get(Types.mapOf(String.class, kind.type())));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
