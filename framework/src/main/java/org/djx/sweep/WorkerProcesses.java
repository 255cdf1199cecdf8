package org.djx.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code djx worker} processes on this machine: the same Java, class path and DJL
 * settings as this process, and {@code OMP_NUM_THREADS} set so that the engines of all workers
 * together use every core once instead of each taking all of them.
 */
public final class WorkerProcesses {

    /** The command-line entry point the workers run. */
    static final String MAIN = "org.djx.cli.Main";

    private WorkerProcesses() {}

    /** Engine threads for each of {@code workers} workers sharing this machine's cores. */
    public static int threadsPerWorker(int workers) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    }

    /**
     * A process builder for {@code djx <args>} in a fresh JVM, e.g. {@code worker 3 --store PATH}.
     *
     * @param threads engine threads ({@code OMP_NUM_THREADS}) for that process
     */
    public static ProcessBuilder builder(List<String> args, int threads) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String offline = System.getProperty("ai.djl.offline");
        if (offline != null) {
            command.add("-Dai.djl.offline=" + offline);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        builder.redirectErrorStream(true);
        return builder;
    }

    /**
     * Starts {@code count} workers and copies their output to {@code out}, each line prefixed
     * with the worker's number; returns the processes (their output is copied until they end).
     */
    public static List<Process> start(int count, List<String> args, PrintWriter out) {
        int threads = threadsPerWorker(count);
        List<Process> processes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Process p;
            try {
                p = builder(args, threads).start();
            } catch (IOException e) {
                processes.forEach(Process::destroy);
                throw new SweepException("cannot start a worker process: " + e.getMessage());
            }
            processes.add(p);
            String prefix = "[worker " + i + "] ";
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        synchronized (out) {
                            out.println(prefix + line);
                            out.flush();
                        }
                    }
                } catch (IOException ignored) {
                    // the worker is gone; its trials are recovered from the store
                }
            }, "djx-worker-output-" + i);
            pump.setDaemon(true);
            pump.start();
        }
        return processes;
    }
}
