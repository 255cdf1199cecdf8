package org.djx.cli;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.djx.descriptor.DescriptorException;
import org.djx.descriptor.Experiment;
import org.djx.descriptor.Problem;
import org.djx.model.LayerSummary;
import org.djx.model.ModelPlanner;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx validate FILE.yaml...}: checks descriptors completely and prints a model summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check descriptors completely without training: prints 'ok' and a model summary (each layer's"
                + " input and output shape and parameters, the total, the descriptor hash), or every problem found as"
                + " FILE:LINE:COLUMN: path.to.field: what is wrong.",
                "Exit status 0 when every file is valid, 2 otherwise. Keys are documented in experiments/README.md."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.yaml", arity = "1..*", description = "Experiment descriptors.")
    List<Path> files;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a descriptor value in every FILE, e.g. model.layers[7].units=512 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PluginCatalog catalog = environment.plugins(err);
        boolean allOk = true;
        for (Path file : files) {
            try {
                ExperimentPlan plan = ExperimentPlanner.plan(file, overrides, catalog);
                List<LayerSummary> rows = countParameters(plan);
                out.println(file + ": ok");
                printSummary(out, plan, rows);
            } catch (DescriptorException e) {
                allOk = false;
                e.problems().forEach(p -> err.println(p));
                if (files.size() > 1) {
                    int n = e.problems().size();
                    err.println(file + ": " + n + (n == 1 ? " problem" : " problems"));
                }
            }
            out.flush();
            err.flush();
        }
        return allOk ? 0 : UserErrors.USAGE;
    }

    /**
     * Builds the model once on the descriptor's engine to count its parameters. An engine that is
     * not installed, or a model too large to allocate, is the descriptor's problem, not a crash.
     */
    static List<LayerSummary> countParameters(ExperimentPlan plan) {
        Experiment e = plan.experiment();
        Engine engine;
        try {
            engine = Engine.getEngine(e.engine());
        } catch (IllegalArgumentException | EngineException x) {
            throw new DescriptorException(new Problem(e.sources().valueAt("engine"), "engine",
                    "engine '" + e.engine() + "' is not available here (installed: " + String.join(", ", Engine.getAllEngines()) + ")"));
        }
        try (NDManager manager = engine.newBaseManager()) {
            return ModelPlanner.countParameters(ModelPlanner.build(plan.layers(), plan.input()), plan.input(), plan.shapes(), manager);
        } catch (EngineException | OutOfMemoryError x) {
            String reason = String.valueOf(x.getMessage()).lines().findFirst().orElse("");
            throw new DescriptorException(new Problem(e.sources().valueAt("model.layers"), "model.layers",
                    "the model cannot be built to count its parameters (too large?): " + reason));
        }
    }

    /** One line per layer: its input and output shape (one example, no batch) and parameter count. */
    static void printSummary(PrintWriter out, ExperimentPlan plan, List<LayerSummary> rows) {
        String format = "  %-4s %-14s %-16s %-16s %12s%n";
        out.printf(Locale.ROOT, format, "#", "layer", "input", "output", "parameters");
        Shape input = plan.input();
        long total = 0;
        for (LayerSummary row : rows) {
            out.printf(Locale.ROOT, format, row.index(), row.type(), input, row.outputShape(), String.format(Locale.ROOT, "%,d", row.parameters()));
            total += row.parameters();
            input = row.outputShape();
        }
        out.printf(Locale.ROOT, "  total parameters: %,d%n", total);
        out.printf("  descriptor hash: %s%n", plan.hash());
    }
}
