package org.djx.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine thread settings a benchmark runs with. PyTorch takes its intra-op thread count from
 * the system property {@code ai.djl.pytorch.num_threads} when the engine starts, so it can be set
 * from here; MXNet reads {@code OMP_NUM_THREADS} from the environment when its library loads, which
 * a running JVM cannot change, so the launcher sets it (from {@code --threads} for {@code djx bench}).
 */
public final class EngineThreads {

    static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";
    static final String PYTORCH_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    private static final List<String> MXNET_ENV = List.of("OMP_NUM_THREADS", "MXNET_ENGINE_TYPE", "MXNET_CPU_WORKER_NTHREADS",
            "MXNET_MKLDNN_ENABLED", "MXNET_EXEC_BULK_EXEC_TRAIN");

    private EngineThreads() {}

    /**
     * Asks {@code engine} to use {@code threads} threads; must run before the engine starts.
     *
     * @throws IllegalArgumentException when the count cannot be applied from inside the JVM
     */
    public static void apply(String engine, int threads) {
        if ("PyTorch".equalsIgnoreCase(engine)) {
            System.setProperty(PYTORCH_THREADS, Integer.toString(threads));
        } else if ("MXNet".equalsIgnoreCase(engine)) {
            String omp = System.getenv("OMP_NUM_THREADS");
            if (!Integer.toString(threads).equals(omp)) {
                throw new IllegalArgumentException("MXNet takes its thread count from OMP_NUM_THREADS when it starts (now "
                        + (omp == null ? "unset" : omp) + "); run through ./djx, which sets it from --threads, or set OMP_NUM_THREADS="
                        + threads);
            }
        } else {
            throw new IllegalArgumentException("--threads is supported for the MXNet and PyTorch engines, not " + engine);
        }
    }

    /** The thread settings in effect for {@code engine}, e.g. {@code OMP_NUM_THREADS=2}. */
    public static String describe(String engine) {
        List<String> parts = new ArrayList<>();
        if ("PyTorch".equalsIgnoreCase(engine)) {
            for (String property : List.of(PYTORCH_THREADS, PYTORCH_INTEROP_THREADS)) {
                if (System.getProperty(property) != null) {
                    parts.add(property + "=" + System.getProperty(property));
                }
            }
        } else {
            for (String name : MXNET_ENV) {
                if (System.getenv(name) != null) {
                    parts.add(name + "=" + System.getenv(name));
                }
            }
        }
        return parts.isEmpty() ? "engine defaults" : String.join(" ", parts);
    }
}
