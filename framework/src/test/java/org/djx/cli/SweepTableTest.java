package org.djx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.djx.store.RunStatus;
import org.djx.store.SweepRecord;
import org.djx.store.TrialRecord;
import org.junit.jupiter.api.Test;

class SweepTableTest {

    private static final SweepRecord SWEEP = new SweepRecord(1, "exp", "hash", "/tmp/exp.yaml", List.of(), "random",
            "validate_accuracy", true, 1, Instant.parse("2026-12-03T10:00:00Z"), "completed");

    private static TrialRecord trial(int number, RunStatus status, Double objective, Double test) {
        return new TrialRecord(1, number, Map.of("optimizer.learning_rate", 0.1 / (number + 1)), status, 10L + number, 1, "w",
                null, null, null, status == RunStatus.PRUNED ? 1 : 3, objective, test);
    }

    private static String print(List<TrialRecord> trials) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        SweepTable.best(out, SWEEP, trials);
        SweepTable.table(out, SWEEP, trials);
        out.flush();
        return text.toString();
    }

    @Test
    void showsTheObjectiveAndTheTestAccuracyOfEachTrialBestFirst() {
        String text = print(List.of(trial(0, RunStatus.COMPLETED, 0.81, 0.795), trial(1, RunStatus.PRUNED, 0.62, null),
                trial(2, RunStatus.COMPLETED, 0.86, 0.852)));
        List<String> lines = text.lines().toList();
        assertEquals("best: trial 2 (run 12): validate_accuracy 0.8600 after 3 epochs; test_accuracy 0.8520", lines.get(0));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("trial ")).findFirst().orElseThrow());
        assertTrue(lines.get(header).matches("trial\\s+status\\s+validate_accuracy\\s+test_accuracy\\s+epochs.*"), lines.get(header));
        assertTrue(lines.get(header + 1).matches("2\\s+completed\\s+0\\.8600\\s+0\\.8520\\s+3.*"), text);
        assertTrue(lines.get(header + 2).matches("0\\s+completed\\s+0\\.8100\\s+0\\.7950\\s+3.*"), text);
        assertTrue(lines.get(header + 3).matches("1\\s+pruned\\s+0\\.6200\\s+-\\s+1.*"), text);
    }

    @Test
    void leavesTheTestColumnOutWhenNoTrialWasTested() {
        String text = print(List.of(trial(0, RunStatus.COMPLETED, 0.81, null)));
        assertFalse(text.contains("test_accuracy"), text);
        assertTrue(text.contains("validate_accuracy 0.8100 after 3 epochs\n"), text);
    }
}
