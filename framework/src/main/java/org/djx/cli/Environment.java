package org.djx.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.plugin.internal.PluginDiscovery;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import org.djx.store.SqliteResultStore;
import org.djx.store.SweepRecord;
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

    @Option(names = "--stale-after", paramLabel = "SECONDS", defaultValue = "60",
            description = "A running run whose heartbeat (every 10 s) is older than this is taken for dead and marked interrupted (default: ${DEFAULT-VALUE}).")
    long staleAfterSeconds = 60;

    Duration staleAfter() {
        if (staleAfterSeconds < 1) {
            throw new UserException("--stale-after must be at least 1 second");
        }
        return Duration.ofSeconds(staleAfterSeconds);
    }

    /** Opens the store and marks runs whose process died (stale heartbeat) interrupted, silently. */
    SqliteResultStore openStore() {
        return openStore(null);
    }

    /**
     * Opens the store and marks runs whose process died (stale heartbeat) interrupted, telling
     * {@code err} (when not {@code null}) which.
     */
    SqliteResultStore openStore(PrintWriter err) {
        SqliteResultStore opened = SqliteResultStore.open(store);
        try {
            List<Long> interrupted = opened.interruptStaleRuns(staleAfter());
            if (err != null && !interrupted.isEmpty()) {
                err.println("djx: marked " + interrupted.size() + " run(s) interrupted (no heartbeat for over "
                        + staleAfterSeconds + " s; their process died): " + interrupted);
                err.flush();
            }
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * {@link #openStore(PrintWriter)} for commands that name a run or sweep: a store file that is
     * not there is the user's mistake (a wrong --store), not a reason to create an empty one.
     */
    SqliteResultStore openExistingStore(PrintWriter err) {
        if (!java.nio.file.Files.exists(store)) {
            throw new UserException("there is no results store at " + store + " (see --store)");
        }
        return openStore(err);
    }

    /** Opens the store without touching any run (for listing stale runs before they are marked). */
    SqliteResultStore openStoreAsIs() {
        return SqliteResultStore.open(store);
    }

    /** Run {@code runId} of {@code store} (opened from this environment), or the user error "no run N in STORE". */
    RunRecord run(ResultStore store, long runId) {
        return store.run(runId).orElseThrow(() -> new UserException("no run " + runId + " in " + this.store));
    }

    /** Fails with "no run N in STORE" unless the store holds run {@code runId}; opens and closes the store. */
    void requireRun(long runId) {
        try (ResultStore opened = openExistingStore(null)) {
            run(opened, runId);
        }
    }

    /** Sweep {@code sweepId} of {@code store} (opened from this environment), or the user error "there is no sweep N in STORE". */
    SweepRecord sweep(SqliteResultStore store, long sweepId) {
        return store.sweep(sweepId).orElseThrow(() -> new UserException("there is no sweep " + sweepId + " in " + this.store));
    }
}
