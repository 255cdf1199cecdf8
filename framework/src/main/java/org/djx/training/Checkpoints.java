package org.djx.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.djx.descriptor.Experiment;
import org.djx.store.ResultStore;

/**
 * Keeps a run's checkpoints under its {@link RunArtifacts} directory: {@code last} after every
 * evaluation, {@code best} when {@code checkpoint.metric} improved, and a store row for each file.
 */
final class Checkpoints {

    private final RunArtifacts artifacts;
    private final Experiment.Checkpoint rule;
    private final ResultStore store;
    private final long runId;
    private final Set<String> recorded = new HashSet<>();
    private double best = Double.NaN;

    Checkpoints(RunArtifacts artifacts, Experiment.Checkpoint rule, ResultStore store, long runId) {
        this.artifacts = artifacts;
        this.rule = rule;
        this.store = store;
        this.runId = runId;
    }

    /** The files {@code djx evaluate} and {@code djx predict} need besides the parameters; written once per run. */
    void saveRunFiles(String descriptorJson, List<String> classes) throws IOException {
        artifacts.saveDescriptor(descriptorJson);
        artifacts.saveClasses(classes);
        recordOnce(RunArtifacts.DESCRIPTOR);
        recordOnce(RunArtifacts.CLASSES);
    }

    /** Saves the parameters after {@code evaluation} (ending at {@code step}) as last and, if they are, best. */
    void save(int evaluation, long step, Map<String, Double> metrics, Block block) {
        try {
            Double value = metrics.get(rule.metric());
            // The parameters are serialized once; a best checkpoint is a copy of the last one.
            artifacts.saveParameters(RunArtifacts.LAST, block);
            // Without the metric (no validation split) the best checkpoint follows the last one.
            if (value == null || !value.isNaN() && isBest(value)) {
                best = value == null ? Double.NaN : value;
                artifacts.copy(RunArtifacts.LAST, RunArtifacts.BEST);
                recordOnce(RunArtifacts.BEST);
            }
            artifacts.savePosition(new RunArtifacts.Position(evaluation, step));
            recordOnce(RunArtifacts.LAST);
        } catch (IOException x) {
            throw new TrainingException("cannot write a checkpoint under " + artifacts.dir() + ": " + x.getMessage(), x);
        }
    }

    /** Loads the last checkpoint's parameters into an initialized block (a resumed run). */
    void restoreLast(Block block, NDManager manager) {
        artifacts.loadParameters(RunArtifacts.LAST, block, manager);
    }

    /** Takes the metrics of an evaluation stored before a resume into account for the best checkpoint. */
    void replay(Map<String, Double> metrics) {
        Double value = metrics.get(rule.metric());
        if (value != null && isBest(value)) {
            best = value;
        }
    }

    private boolean isBest(double value) {
        return Double.isNaN(best) || (rule.maximize() ? value > best : value < best);
    }

    /** The artifact's path never changes, so one row per name is written once per session. */
    private void recordOnce(String name) {
        if (recorded.add(name)) {
            store.recordArtifact(runId, name, artifacts.file(name).toString());
        }
    }
}
