package org.djx.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.store.NewRun;
import org.djx.store.NewSweep;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.djx.store.TrialRecord;
import org.djx.training.EpochVerdict.Decision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunersTest {

    @TempDir
    Path dir;

    SqliteResultStore store;
    long sweep;

    @BeforeEach
    void open() {
        store = SqliteResultStore.open(dir.resolve("djx.db"));
        List<Map<String, Object>> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trials.add(Map.of("i", i));
        }
        sweep = store.createSweep(new NewSweep("e", "h", "{}", "f", List.of(), "grid", "validate_accuracy", true, 0, trials));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Runs the next trial through the given accuracies per epoch and ends it as {@code status}. */
    private int trial(RunStatus status, double... accuracies) {
        TrialRecord t = store.claimTrial(sweep, "w").orElseThrow();
        long run = store.startRun(new NewRun("e", "h", "{}", "f", Map.of(), Map.of(), sweep, t.number()));
        store.attachRun(sweep, t.number(), run);
        for (int e = 0; e < accuracies.length; e++) {
            store.recordEpoch(run, e + 1, Map.of("validate_accuracy", accuracies[e]));
        }
        if (status != RunStatus.RUNNING) {
            store.finishTrial(sweep, t.number(), "w", status, null);
        }
        return t.number();
    }

    @Test
    void medianPrunerStopsTrialsBelowTheMedianOfCompletedOnesAfterWarmup() {
        trial(RunStatus.COMPLETED, 0.5, 0.6, 0.7);
        trial(RunStatus.COMPLETED, 0.7, 0.8, 0.9);
        trial(RunStatus.PRUNED, 0.1, 0.1); // pruned trials do not move the median
        int me = trial(RunStatus.RUNNING, 0.55, 0.65);
        MedianPruner pruner = new MedianPruner(store, sweep, me, "validate_accuracy", true, 1);

        assertEquals(Decision.CONTINUE, pruner.after(1, Map.of("validate_accuracy", 0.55)), "warm-up: epoch 1 is never pruned");
        assertEquals(Decision.PRUNE, pruner.after(2, Map.of("validate_accuracy", 0.65)), "median at epoch 2 is 0.7");
        assertEquals(Decision.CONTINUE, pruner.after(2, Map.of("validate_accuracy", 0.75)));
        assertEquals(Decision.CONTINUE, pruner.after(4, Map.of("validate_accuracy", 0.1)), "nobody reached epoch 4 to compare with");

        MedianPruner minimizing = new MedianPruner(store, sweep, me, "validate_accuracy", false, 0);
        assertEquals(Decision.PRUNE, minimizing.after(1, Map.of("validate_accuracy", 0.9)));
        assertEquals(Decision.CONTINUE, minimizing.after(1, Map.of("validate_accuracy", 0.2)));
    }

    @Test
    void ashaKeepsTheTopOneOverEtaAtEachRung() {
        AshaPruner rungs = new AshaPruner(store, sweep, 99, "validate_accuracy", true, 1, 3);
        assertTrue(rungs.isRung(1) && rungs.isRung(3) && rungs.isRung(9));
        assertFalse(rungs.isRung(2) || rungs.isRung(4) || rungs.isRung(6));

        int first = trial(RunStatus.RUNNING, 0.6);
        assertEquals(Decision.CONTINUE, new AshaPruner(store, sweep, first, "validate_accuracy", true, 1, 3)
                .after(1, Map.of("validate_accuracy", 0.6)), "the first trial at a rung is the best there");
        int worse = trial(RunStatus.RUNNING, 0.5);
        assertEquals(Decision.PRUNE, new AshaPruner(store, sweep, worse, "validate_accuracy", true, 1, 3)
                .after(1, Map.of("validate_accuracy", 0.5)), "fewer than eta at the rung: only the best goes on");
        trial(RunStatus.PRUNED, 0.4);
        trial(RunStatus.PRUNED, 0.3);
        trial(RunStatus.PRUNED, 0.2);
        // Six at rung 1 (0.6, 0.5, 0.4, 0.3, 0.2 and this one): the top 6/3 = 2 go on.
        int me = trial(RunStatus.RUNNING, 0.55);
        assertEquals(Decision.CONTINUE, new AshaPruner(store, sweep, me, "validate_accuracy", true, 1, 3)
                .after(1, Map.of("validate_accuracy", 0.55)));
        assertEquals(Decision.PRUNE, new AshaPruner(store, sweep, me, "validate_accuracy", true, 1, 3)
                .after(1, Map.of("validate_accuracy", 0.45)));
        assertEquals(Decision.CONTINUE, new AshaPruner(store, sweep, me, "validate_accuracy", true, 1, 3)
                .after(2, Map.of("validate_accuracy", 0.0)), "epoch 2 is no rung");
    }
}
