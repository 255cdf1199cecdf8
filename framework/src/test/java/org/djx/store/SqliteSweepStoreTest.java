package org.djx.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.djx.store.query.Where;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSweepStoreTest {

    @TempDir
    Path dir;

    static NewSweep sweep(int trials, int maxRetries) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            list.add(Map.of("optimizer.learning_rate", 0.1 / (i + 1)));
        }
        return new NewSweep("exp", "hash", "{}", "/tmp/exp.yaml", List.of("training.epochs=1"), "grid",
                "validate_accuracy", true, maxRetries, list);
    }

    static long startRun(SweepStore store, long sweepId, int trial) {
        return store.startRun(new NewRun("exp", "h" + trial, "{}", "/tmp/exp.yaml", Map.of("x", 1), Map.of(), sweepId, trial));
    }

    @Test
    void createsASweepAndReadsItBack() {
        try (SqliteResultStore store = SqliteResultStore.open(dir.resolve("djx.db"))) {
            long id = store.createSweep(sweep(3, 2));
            SweepRecord s = store.sweep(id).orElseThrow();
            assertEquals("exp", s.experiment());
            assertEquals(List.of("training.epochs=1"), s.overrides());
            assertTrue(s.maximize());
            assertEquals(2, s.maxRetries());
            assertEquals("running", s.status());
            assertEquals(Optional.of(s), store.latestSweep("exp"));
            List<TrialRecord> trials = store.trials(id);
            assertEquals(List.of(0, 1, 2), trials.stream().map(TrialRecord::number).toList());
            assertEquals(Map.of("optimizer.learning_rate", 0.05), trials.get(1).overrides());
            assertTrue(trials.stream().allMatch(t -> t.status() == RunStatus.QUEUED && t.attempts() == 0));

            assertEquals(2, store.addTrials(id, List.of(Map.of("a", 1), Map.of("a", 2))));
            assertEquals(List.of(0, 1, 2, 3, 4), store.trials(id).stream().map(TrialRecord::number).toList());
            assertEquals(Optional.of(store.trials(id).get(3)), store.trial(id, 3));
            assertEquals(Optional.empty(), store.trial(id, 5));
            assertEquals(Optional.empty(), store.trial(id + 1, 0));
        }
    }

    @Test
    void everyTrialIsClaimedExactlyOnceByConcurrentProcesses() throws Exception {
        Path file = dir.resolve("djx.db");
        long id;
        try (SqliteResultStore store = SqliteResultStore.open(file)) {
            id = store.createSweep(sweep(60, 0));
        }
        // Separate connections stand for separate processes: SQLite's file lock is what they share.
        List<SqliteResultStore> stores = List.of(SqliteResultStore.open(file), SqliteResultStore.open(file), SqliteResultStore.open(file));
        List<Integer> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                SqliteResultStore store = stores.get(w % stores.size());
                String worker = "w" + w;
                futures.add(pool.submit(() -> {
                    for (Optional<TrialRecord> t = store.claimTrial(id, worker); t.isPresent(); t = store.claimTrial(id, worker)) {
                        assertEquals(worker, t.get().worker());
                        claimed.add(t.get().number());
                        assertTrue(store.finishTrial(id, t.get().number(), worker, RunStatus.COMPLETED, null));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            stores.forEach(SqliteResultStore::close);
        }
        assertEquals(60, claimed.size());
        assertEquals(60, Set.copyOf(claimed).size(), "no trial was claimed twice");
        try (SqliteResultStore store = SqliteResultStore.open(file)) {
            assertTrue(store.trials(id).stream().allMatch(t -> t.status() == RunStatus.COMPLETED && t.attempts() == 1));
        }
    }

    @Test
    void aDeadWorkersTrialIsInterruptedWithItsRunAndRetriedWhileRetriesLast() throws Exception {
        Path file = dir.resolve("djx.db");
        try (SqliteResultStore store = SqliteResultStore.open(file)) {
            long id = store.createSweep(sweep(2, 1));
            TrialRecord t = store.claimTrial(id, "a").orElseThrow();
            long run = startRun(store, id, t.number());
            store.attachRun(id, t.number(), run);
            assertEquals(run, store.trials(id).get(0).runId());

            assertFalse(store.interruptTrial(id, 0, "b", "not b's trial"));
            assertTrue(store.interruptTrial(id, 0, "a", "worker a died"));
            assertEquals(RunStatus.INTERRUPTED, store.run(run).orElseThrow().status());
            assertEquals("worker a died", store.trials(id).get(0).error());
            assertFalse(store.finishTrial(id, 0, "a", RunStatus.COMPLETED, null), "a dead worker's late result is ignored");

            assertEquals(0, store.requeueForRetry(id, 1, Set.of(RunStatus.FAILED)), "only the statuses asked for");
            assertEquals(1, store.requeueForRetry(id, 1, Set.of(RunStatus.FAILED, RunStatus.INTERRUPTED)));
            TrialRecord again = store.claimTrial(id, "c").orElseThrow();
            assertEquals(0, again.number(), "a requeued trial keeps its number");
            assertEquals(2, again.attempts());
            assertTrue(store.finishTrial(id, 0, "c", RunStatus.FAILED, "NaN"));
            assertEquals(0, store.requeueForRetry(id, 1, Set.of(RunStatus.FAILED)), "no retry left after 2 attempts");

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    ResultSet rs = c.createStatement().executeQuery("SELECT sweep_id, trial FROM runs WHERE id = " + run)) {
                assertEquals(id, rs.getLong(1));
                assertEquals(0, rs.getInt(2));
            }
        }
    }

    @Test
    void aWorkerThatDiedAfterItsRunEndedLeavesTheTrialEndedAsTheRunDid() throws Exception {
        try (SqliteResultStore store = SqliteResultStore.open(dir.resolve("djx.db"))) {
            long id = store.createSweep(sweep(1, 1));
            TrialRecord t = store.claimTrial(id, "a").orElseThrow();
            long run = startRun(store, id, t.number());
            store.finishRun(run, RunStatus.COMPLETED, null); // ...and the worker dies before finishTrial

            assertFalse(store.interruptTrial(id, 0, "a", "worker a died"), "nothing to interrupt");

            TrialRecord after = store.trials(id).get(0);
            assertEquals(RunStatus.COMPLETED, after.status());
            assertEquals(RunStatus.COMPLETED, store.run(run).orElseThrow().status());
            assertEquals(0, store.requeueForRetry(id, 1, Set.of(RunStatus.FAILED, RunStatus.INTERRUPTED)), "not run again");
        }
    }

    @Test
    void objectiveIsTheBestValueOfTheLatestRunAndMetricAtReadsOneEpoch() {
        try (SqliteResultStore store = SqliteResultStore.open(dir.resolve("djx.db"))) {
            long id = store.createSweep(sweep(2, 0));
            for (int i = 0; i < 2; i++) {
                TrialRecord t = store.claimTrial(id, "w").orElseThrow();
                long run = startRun(store, id, t.number());
                store.attachRun(id, t.number(), run);
                store.recordEpoch(run, 1, Map.of("validate_accuracy", 0.5 + i / 10.0));
                store.recordEpoch(run, 2, Map.of("validate_accuracy", 0.4 + i / 10.0));
                store.finishTrial(id, t.number(), "w", i == 0 ? RunStatus.COMPLETED : RunStatus.PRUNED, null);
            }
            long tested = store.trials(id).get(0).runId();
            store.recordEpoch(tested, 2, Map.of("test_accuracy", 0.45, "test_loss", 1.2));
            List<TrialRecord> trials = store.trials(id);
            assertEquals(0.5, trials.get(0).objective(), 1e-9);
            assertEquals(0.45, trials.get(0).testAccuracy(), 1e-9);
            assertEquals(null, trials.get(1).testAccuracy(), "a pruned trial was never tested");
            assertEquals(2, trials.get(0).epochs());
            assertEquals(List.of(new SweepStore.TrialMetric(0, RunStatus.COMPLETED, 0.4), new SweepStore.TrialMetric(1, RunStatus.PRUNED, 0.5)),
                    store.metricAt(id, "validate_accuracy", 2));
        }
    }

    @Test
    void runsOfASweepAreFoundByTheirSweepColumnNotByProvenance() throws Exception {
        Path file = dir.resolve("djx.db");
        try (SqliteResultStore store = SqliteResultStore.open(file)) {
            long id = store.createSweep(sweep(2, 0));
            long trialRun = startRun(store, id, 1); // tied by its columns only, no provenance key
            long loose = store.startRun(new NewRun("exp", "h", "{}", "/tmp/exp.yaml", Map.of("x", 1), Map.of("sweep_id", String.valueOf(id))));

            RunRecord record = store.run(trialRun).orElseThrow();
            assertEquals(id, record.sweepId());
            assertEquals(1, record.trial());
            assertEquals(null, store.run(loose).orElseThrow().sweepId());

            assertEquals(List.of(trialRun), ids(store.runs(new RunFilter(null, null, id, null, null, 0))));
            assertEquals(List.of(trialRun), ids(store.runs(new RunFilter(null, null, null, Where.parse("sweep = " + id), null, 0))));

            assertEquals(List.of(List.of(trialRun, id, 1L), java.util.Arrays.asList(loose, null, null)),
                    store.query("SELECT run_id, sweep_id, trial FROM run_summary ORDER BY run_id", 0).rows());
        }
    }

    @Test
    void migrationFourRebuildsRunSummaryOfAVersionThreeStore() throws Exception {
        Path file = dir.resolve("v3.db");
        long id;
        long run;
        try (SqliteResultStore store = SqliteResultStore.open(file)) {
            id = store.createSweep(sweep(1, 0));
            run = startRun(store, id, 0);
        }
        // Back to version 3: its run_summary read the sweep from provenance and had no trial column.
        String v3View = Migrations.ALL.get(1).stream().filter(sql -> sql.contains("CREATE VIEW run_summary")).findFirst().orElseThrow();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("DROP VIEW run_summary");
            s.execute(v3View);
            s.execute("PRAGMA user_version = 3");
        }
        try (SqliteResultStore store = SqliteResultStore.open(file)) {
            assertEquals(List.of(List.of(run, id, 0L)), store.query("SELECT run_id, sweep_id, trial FROM run_summary", 0).rows());
        }
        assertEquals(Migrations.latest(), StoreProcesses.scalar(file, "PRAGMA user_version"));
    }

    private static List<Long> ids(List<RunRecord> runs) {
        return runs.stream().map(RunRecord::id).toList();
    }
}
