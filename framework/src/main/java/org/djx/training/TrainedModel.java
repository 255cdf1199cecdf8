package org.djx.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.djx.model.ModelPlanner;
import org.djx.plugin.LabeledImages;
import org.djx.plugin.internal.PluginCatalog;

/**
 * A finished run's model, rebuilt from its artifacts: the stored effective descriptor gives the
 * layers, a checkpoint gives the parameters. Used by {@code djx evaluate} and {@code djx predict}.
 * Runs on the CPU; close it to free the engine's memory.
 */
public final class TrainedModel implements AutoCloseable {

    private final ExperimentPlan plan;
    private final List<String> classes;
    private final Model model;

    /** One image's answer: its best class and the top classes with their probabilities. */
    public record Prediction(String label, List<Map.Entry<String, Double>> top) {}

    private TrainedModel(ExperimentPlan plan, List<String> classes, Model model) {
        this.plan = plan;
        this.classes = classes;
        this.model = model;
    }

    /**
     * Re-plans the run's stored descriptor ({@code overrides} may change e.g. the dataset) and loads
     * the {@code checkpoint} parameters ({@link RunArtifacts#BEST} or {@link RunArtifacts#LAST}).
     *
     * @throws TrainingException when the run kept no such checkpoint
     */
    public static TrainedModel load(RunArtifacts artifacts, long runId, String checkpoint, List<String> overrides,
            PluginCatalog catalog) {
        if (!artifacts.has(RunArtifacts.DESCRIPTOR) || !artifacts.has(checkpoint)) {
            throw new TrainingException("run " + runId + " kept no " + checkpoint + " checkpoint in " + artifacts.dir()
                    + " (was checkpoint.enabled false, or did it stop before its first evaluation?)");
        }
        ExperimentPlan plan = storedPlan(artifacts, overrides, catalog);
        Engine engine = ExperimentRunner.engine(plan.experiment().engine(), plan.experiment().training().threads());
        Model model = Model.newInstance(plan.experiment().name(), ai.djl.Device.cpu(), engine.getEngineName());
        try {
            SequentialBlock block = ModelPlanner.build(plan.layers(), plan.input());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, ModelPlanner.withBatch(plan.input(), 1));
            artifacts.loadParameters(checkpoint, block, model.getNDManager());
            return new TrainedModel(plan, artifacts.classes(), model);
        } catch (RuntimeException x) {
            model.close();
            throw x;
        }
    }

    /** The run's descriptor as stored next to its checkpoints, planned again with today's plugins. */
    public static ExperimentPlan storedPlan(RunArtifacts artifacts, List<String> overrides, PluginCatalog catalog) {
        return ExperimentPlanner.plan(artifacts.file(RunArtifacts.DESCRIPTOR), overrides, catalog);
    }

    public ExperimentPlan plan() {
        return plan;
    }

    public List<String> classes() {
        return classes;
    }

    /**
     * Classifies images given as pixels in [0, 1], each {@code channels * height * width} long in
     * the model's input layout; {@code topK} (at least 1) classes are ranked for each.
     */
    public List<Prediction> predict(List<float[]> images, int topK) {
        if (topK < 1) {
            throw new TrainingException("top must be at least 1 class per image, not " + topK);
        }
        List<Prediction> answers = new ArrayList<>();
        long[] shape = ModelPlanner.withBatch(plan.input(), images.size()).getShape();
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            float[] flat = new float[images.size() * (int) plan.input().size()];
            for (int i = 0; i < images.size(); i++) {
                System.arraycopy(images.get(i), 0, flat, i * (int) plan.input().size(), (int) plan.input().size());
            }
            NDArray batch = manager.create(flat, new Shape(shape));
            float[] probabilities = predictor.predict(new NDList(batch)).singletonOrThrow().softmax(1).toFloatArray();
            int outputs = probabilities.length / images.size();
            for (int i = 0; i < images.size(); i++) {
                float[] p = Arrays.copyOfRange(probabilities, i * outputs, (i + 1) * outputs);
                Integer[] order = new Integer[outputs];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
                List<Map.Entry<String, Double>> top = new ArrayList<>();
                for (int k = 0; k < Math.min(topK, outputs); k++) {
                    top.add(Map.entry(className(order[k]), (double) p[order[k]]));
                }
                answers.add(new Prediction(top.get(0).getKey(), top));
            }
        } catch (TranslateException x) {
            throw new TrainingException("prediction failed: " + x.getMessage(), x);
        }
        return answers;
    }

    private String className(int index) {
        return index < classes.size() ? classes.get(index) : Integer.toString(index);
    }

    /** Loss and accuracy on {@code images}, through DJL's evaluation path like the training run's. */
    public Map<String, Double> evaluate(LabeledImages images, String prefix) {
        checkFits(images);
        int batchSize = plan.experiment().training().batchSize();
        DefaultTrainingConfig config = new DefaultTrainingConfig(plan.loss().plugin().build(plan.loss().params()))
                .addEvaluator(new Accuracy("accuracy"))
                .optDevices(new ai.djl.Device[] {ai.djl.Device.cpu()})
                .addTrainingListeners(new EvaluatorTrainingListener());
        try (NDManager manager = model.getNDManager().newSubManager(); Trainer trainer = model.newTrainer(config)) {
            return EvaluationPass.metrics(trainer, EngineData.toDataset(manager, images, batchSize, false), prefix);
        } catch (IOException | TranslateException x) {
            throw new TrainingException("evaluation failed: " + x.getMessage(), x);
        }
    }

    /** Other data than the run's (e.g. {@code --dataset} overrides) must still fit the trained model. */
    private void checkFits(LabeledImages images) {
        Shape shape = new Shape(images.channels(), images.height(), images.width());
        if (!shape.equals(plan.input())) {
            throw new TrainingException("the run's model takes examples of shape " + plan.input()
                    + " but dataset '" + plan.dataset().type() + "' has examples of shape " + shape);
        }
        Shape out = plan.output();
        if (out.dimension() != 1 || out.get(0) < images.classes().size()) {
            throw new TrainingException("the run's model ends with output shape " + out + " but dataset '"
                    + plan.dataset().type() + "' has " + images.classes().size() + " classes");
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /** The artifacts of a run kept under the artifacts directory that belongs to a store file. */
    public static RunArtifacts artifactsOf(Path storeFile, long runId) {
        return new RunArtifacts(ExperimentRunner.artifactsRootFor(storeFile), runId);
    }
}
