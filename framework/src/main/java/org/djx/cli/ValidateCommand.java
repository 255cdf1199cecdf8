package org.djx.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.djx.descriptor.DescriptorException;
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
        description = "Check descriptors without training: prints 'ok' and a model summary, or every problem found.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.yaml", arity = "1..*", description = "Experiment descriptors.")
    List<Path> files;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a descriptor value (repeatable).")
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
                out.println(file + ": ok");
                printSummary(out, plan);
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

    /** One line per layer: its input and output shape (one example, no batch) and parameter count. */
    static void printSummary(PrintWriter out, ExperimentPlan plan) {
        List<LayerSummary> rows;
        try (NDManager manager = Engine.getEngine(plan.experiment().engine()).newBaseManager()) {
            rows = ModelPlanner.countParameters(ModelPlanner.build(plan.layers(), plan.input()), plan.input(), plan.shapes(), manager);
        }
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
