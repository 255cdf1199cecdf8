package org.djx.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.bench.BenchResult;
import org.djx.bench.BenchSettings;
import org.djx.bench.EngineThreads;
import org.djx.bench.StoreBenchmark;
import org.djx.bench.TrainingBenchmark;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code djx bench}: training and inference speed of a descriptor's model on synthetic data,
 * through djx and through a bare DJL loop; or, with {@code --store-overhead}, the results store's costs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure training and inference speed of an experiment's model on synthetic data, through djx's own"
                + " path (runner, listeners, store) and through a bare DJL loop in the same process, and print the ratio.",
                "Nothing is written to your results store. See bench/README.md to compare with the PyTorch reference."})
final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_DESCRIPTOR = "experiments/seed-cnn.yaml";

    enum Format { table, json }

    @Parameters(paramLabel = "FILE.yaml", arity = "0..1",
            description = "Experiment descriptor (default: " + DEFAULT_DESCRIPTOR + "); its dataset is not read.")
    Path file;

    @Option(names = "--engine", paramLabel = "NAME", description = "Engine to measure, e.g. MXNet or PyTorch (default: the descriptor's).")
    String engine;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per step (default: the descriptor's training.batch_size).")
    Integer batchSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "Engine threads (PyTorch: intra-op threads; MXNet: OMP_NUM_THREADS, which ./djx sets from this option).")
    Integer threads;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "50", description = "Training steps per measured pass (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Warm-up steps before measuring, rounded up to whole passes (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Measured passes; medians are reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a descriptor value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--store-overhead", description = "Measure the results store instead: write --runs runs to a temporary store,"
            + " time its writes and 'djx runs' over it.")
    boolean storeOverhead;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10000", description = "Runs written for --store-overhead (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--epochs-per-run", paramLabel = "N", defaultValue = "20",
            description = "Epochs of metrics per run for --store-overhead (default: ${DEFAULT-VALUE}).")
    int epochsPerRun;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        checkCounts();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> sets = new ArrayList<>(overrides);
        if (engine != null) {
            sets.add("engine=" + engine);
        }
        if (batchSize != null) {
            sets.add("training.batch_size=" + batchSize);
        }
        int warmupPasses = (warmup + steps - 1) / steps;
        sets.add("training.epochs=" + (warmupPasses + repeats));
        PluginCatalog catalog = environment.plugins(err);
        ExperimentPlan plan = ExperimentPlanner.plan(descriptor(), sets, catalog);
        if (threads != null) {
            try {
                EngineThreads.apply(plan.experiment().engine(), threads);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        Object result;
        String table;
        if (storeOverhead) {
            StoreBenchmark.Result r = StoreBenchmark.run(plan, runs, epochsPerRun, BenchCommand::listRuns,
                    List.of(List.of("runs"), List.of("runs", "--limit", "0")), line -> log(err, line));
            result = r.toMap();
            table = r.toTable();
        } else {
            BenchSettings settings = new BenchSettings(plan.experiment().training().batchSize(), steps, warmup, repeats);
            BenchResult r = TrainingBenchmark.run(plan, settings, line -> log(err, line));
            result = r.toMap();
            table = r.toTable();
        }
        out.print(format == Format.json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n" : table);
        out.flush();
        return 0;
    }

    private void checkCounts() {
        if (steps < 1 || repeats < 1 || warmup < 0 || runs < 1 || epochsPerRun < 1 || (threads != null && threads < 1)
                || (batchSize != null && batchSize < 1)) {
            throw new UserException("--steps, --repeats, --runs, --epochs-per-run, --threads and --batch-size must be at least 1,"
                    + " --warmup at least 0");
        }
    }

    /** The descriptor given, else the seed convnet here or in djx's home (the launcher's directory). */
    private Path descriptor() {
        if (file != null) {
            return file;
        }
        Path local = Path.of(DEFAULT_DESCRIPTOR);
        String home = System.getProperty("djx.home");
        if (!Files.exists(local) && home != null && Files.exists(Path.of(home, DEFAULT_DESCRIPTOR))) {
            return Path.of(home, DEFAULT_DESCRIPTOR);
        }
        return local;
    }

    private static void log(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    /** {@code djx ARGS --store FILE}, in this process, its output discarded. */
    private static void listRuns(Path store, List<String> args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(Writer.nullWriter()));
        List<String> all = new ArrayList<>(args);
        all.add("--store");
        all.add(store.toString());
        int status = cli.execute(all.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("djx " + String.join(" ", all) + " exited with " + status);
        }
    }
}
