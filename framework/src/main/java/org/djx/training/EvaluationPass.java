package org.djx.training;

import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Measures a model on a dataset outside the training loop's own validation (the test part, {@code djx evaluate}). */
final class EvaluationPass {

    private EvaluationPass() {}

    /**
     * Evaluates the trainer's model on a dataset through DJL's validation path (so every listener
     * and evaluator sees it) and returns loss and accuracy, named with {@code prefix}.
     */
    static Map<String, Double> metrics(Trainer trainer, ArrayDataset dataset, String prefix) throws IOException, TranslateException {
        resetValidation(trainer);
        EasyTrain.evaluateDataset(trainer, dataset);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(prefix + "loss", (double) trainer.getLoss().getAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH));
        for (Evaluator evaluator : trainer.getEvaluators()) {
            if (evaluator != trainer.getLoss()) {
                metrics.put(prefix + evaluator.getName(), (double) evaluator.getAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH));
            }
        }
        resetValidation(trainer);
        return metrics;
    }

    private static void resetValidation(Trainer trainer) {
        for (Evaluator evaluator : trainer.getEvaluators()) {
            evaluator.resetAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH);
        }
    }
}
