package org.djx.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.djx.descriptor.Experiment;
import org.djx.training.EpochVerdict.Decision;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static Map<String, Double> loss(double value) {
        return Map.of("validate_loss", value);
    }

    @Test
    void stopsAfterPatienceEvaluationsWithoutImprovementBeyondMinDelta() {
        EarlyStopping stopping = new EarlyStopping(new Experiment.EarlyStopping("validate_loss", false, 2, 0.01));
        assertEquals(Decision.CONTINUE, stopping.after(1, loss(1.0)));
        assertEquals(Decision.CONTINUE, stopping.after(2, loss(0.8)));
        assertEquals(Decision.CONTINUE, stopping.after(3, loss(0.795))); // better, but by less than min_delta
        assertEquals(Decision.STOP, stopping.after(4, loss(0.9)));
    }

    @Test
    void anImprovementResetsPatience() {
        EarlyStopping stopping = new EarlyStopping(new Experiment.EarlyStopping("validate_accuracy", true, 2, 0.0));
        assertEquals(Decision.CONTINUE, stopping.after(1, Map.of("validate_accuracy", 0.5)));
        assertEquals(Decision.CONTINUE, stopping.after(2, Map.of("validate_accuracy", 0.5)));
        assertEquals(Decision.CONTINUE, stopping.after(3, Map.of("validate_accuracy", 0.6)));
        assertEquals(Decision.CONTINUE, stopping.after(4, Map.of("validate_accuracy", 0.55)));
        assertEquals(Decision.STOP, stopping.after(5, Map.of("validate_accuracy", 0.6)));
    }

    @Test
    void aMissingMetricCountsAsNoImprovement() {
        EarlyStopping stopping = new EarlyStopping(new Experiment.EarlyStopping("validate_loss", false, 1, 0.0));
        assertEquals(Decision.STOP, stopping.after(1, Map.of("train_loss", 0.3)));
    }
}
