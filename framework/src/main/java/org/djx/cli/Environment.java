package org.djx.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.plugin.internal.PluginDiscovery;
import org.djx.store.SqliteResultStore;
import picocli.CommandLine.Option;

/**
 * Options every command that touches plugins or the store shares: where the store is and where
 * user plugin jars are.
 */
final class Environment {

    static final Path DEFAULT_STORE = Path.of("results", "djx.db");

    @Option(names = "--store", paramLabel = "PATH", description = "Results store file (default: ${DEFAULT-VALUE}).",
            defaultValue = "results/djx.db")
    Path store = DEFAULT_STORE;

    @Option(names = "--plugin-path", paramLabel = "DIR",
            description = "Directory of plugin jars (repeatable); also DJX_PLUGIN_PATH and plugins.d/ next to the store.")
    List<Path> pluginPath = new ArrayList<>();

    /** Plugin directories in the order searched: --plugin-path, DJX_PLUGIN_PATH, plugins.d next to the store. */
    List<Path> pluginDirs() {
        return pluginDirs(System.getenv("DJX_PLUGIN_PATH"));
    }

    /** {@link #pluginDirs()} with {@code env} as the value of DJX_PLUGIN_PATH. */
    List<Path> pluginDirs(String env) {
        List<Path> dirs = new ArrayList<>(pluginPath);
        if (env != null && !env.isBlank()) {
            for (String part : env.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    dirs.add(Path.of(part));
                }
            }
        }
        Path parent = store.toAbsolutePath().getParent();
        if (parent != null) {
            dirs.add(parent.resolve("plugins.d"));
        }
        return dirs;
    }

    /** Discovers plugins and prints a warning for each jar that failed to load. */
    PluginCatalog plugins(java.io.PrintWriter err) {
        PluginCatalog catalog = PluginDiscovery.discover(pluginDirs());
        for (String warning : catalog.warnings()) {
            err.println("djx: warning: " + warning);
        }
        err.flush();
        return catalog;
    }

    SqliteResultStore openStore() {
        return SqliteResultStore.open(store);
    }
}
