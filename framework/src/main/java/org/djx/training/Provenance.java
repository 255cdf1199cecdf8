package org.djx.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.djx.descriptor.Experiment;

/** What a run was trained with and where: engine, devices, versions, process and plugin jars. */
final class Provenance {

    private Provenance() {}

    /** The provenance of a run of {@code plan}, as the store's key-value rows. Mutable: the runner adds to it. */
    static Map<String, String> of(ExperimentPlan plan, Engine engine, Device[] devices) {
        Experiment e = plan.experiment();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("engine", engine.getEngineName());
        p.put("engine_version", engine.getVersion());
        p.put("device", DeviceSelector.describe(devices));
        p.put("djl_version", Engine.getDjlVersion());
        p.put("java_version", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        p.put("omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        p.put("threads", e.training().threads() == null ? "all" : e.training().threads().toString());
        p.put("native_version", nativeVersion(engine));
        p.put("seed", Long.toString(e.seed()));
        p.put("pid", Long.toString(ProcessHandle.current().pid()));
        p.put("host", host());
        p.put("jvm_start", Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
        p.put("plugins", pluginJars(plan));
        return p;
    }

    /** The native library's version where DJL tells it (PyTorch: libtorch; MXNet: the engine version is the native one). */
    private static String nativeVersion(Engine engine) {
        try {
            Class<?> lib = Class.forName("ai.djl.pytorch.jni.LibUtils");
            if ("PyTorch".equals(engine.getEngineName())) {
                return String.valueOf(lib.getMethod("getVersion").invoke(null));
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
            // not PyTorch, or no version to tell
        }
        return engine.getVersion();
    }

    /** Which jar (and version, when its manifest says) each plugin the run uses came from: "adam@djx-optimizers-1.0.jar, ...". */
    static String pluginJars(ExperimentPlan plan) {
        Map<String, Object> used = new TreeMap<>();
        plan.layers().forEach(l -> used.put(l.type(), l.plugin()));
        for (var r : Arrays.asList(plan.dataset(), plan.loss(), plan.optimizer(), plan.schedule())) {
            if (r != null) {
                used.put(r.type(), r.plugin());
            }
        }
        List<String> out = new ArrayList<>();
        used.forEach((type, plugin) -> out.add(type + "@" + origin(plugin.getClass())));
        return String.join(", ", out);
    }

    private static String origin(Class<?> type) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        try {
            var source = type.getProtectionDomain().getCodeSource();
            String where = source == null ? "built-in" : Path.of(source.getLocation().toURI()).getFileName().toString();
            return version == null ? where : where + " " + version;
        } catch (URISyntaxException | RuntimeException x) {
            return "unknown";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException x) {
            return "unknown";
        }
    }
}
