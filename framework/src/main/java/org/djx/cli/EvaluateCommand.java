package org.djx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djx.plugin.LabeledImages;
import org.djx.training.DataSplit;
import org.djx.training.ExperimentRunner;
import org.djx.training.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx evaluate RUN_ID}: loss and accuracy of a run's stored model on a dataset part. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a run's stored model (best checkpoint) on its test or validation data, or another dataset.")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID", description = "The run whose model to evaluate.")
    long runId;

    @Option(names = "--dataset", paramLabel = "KEY=VALUE",
            description = "Change the run's dataset, e.g. --dataset type=idx --dataset path=DIR (repeatable; as dataset.KEY=VALUE).")
    List<String> dataset = new ArrayList<>();

    @Option(names = "--part", paramLabel = "PART", description = "test, validation or train (default: test when the split keeps one, else validation).")
    String part;

    @Mixin
    CheckpointOption checkpoint;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        environment.requireRun(runId);
        List<String> overrides = dataset.stream().map(d -> "dataset." + d).toList();
        try (TrainedModel model = TrainedModel.load(TrainedModel.artifactsOf(environment.store, runId), runId,
                checkpoint.name(), overrides, environment.plugins(spec.commandLine().getErr()))) {
            DataSplit split = ExperimentRunner.loadData(model.plan());
            String chosen = part != null ? part : split.test() != null ? "test" : "validation";
            LabeledImages images = switch (chosen) {
                case "test" -> split.test();
                case "validation" -> split.validation();
                case "train" -> split.train();
                default -> throw new UserException("--part must be test, validation or train, not '" + chosen + "'");
            };
            if (images == null) {
                throw new UserException("the run's dataset has no " + chosen + " part"
                        + ("test".equals(chosen) ? " (it is kept only with dataset.split.from: train)" : ""));
            }
            Map<String, Double> metrics = model.evaluate(images, "");
            spec.commandLine().getOut().printf("run %d (%s checkpoint) on %d %s images: loss %.4f  accuracy %.4f%n", runId,
                    checkpoint.name(), images.size(), chosen, metrics.get("loss"), metrics.get("accuracy"));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
