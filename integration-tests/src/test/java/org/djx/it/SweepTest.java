package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.djx.cli.Main;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.djx.store.TrialRecord;
import org.djx.sweep.WorkerProcesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps end to end: real plugins, MXNet training on a small learnable set, worker processes
 * sharing one store, pruning, failing trials, and a sweep whose workers are killed and resumed.
 */
class SweepTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        data = SyntheticExperiment.writeData(shared.resolve("data"), 400, 0, 11, false);
    }

    private Path descriptor(String name, int epochs, String sweep) throws Exception {
        return SyntheticExperiment.descriptor(name, data).split("validation: 0.25")
                .training("batch_size: 32, epochs: " + epochs).append(sweep).writeTo(dir);
    }

    private static List<TrialRecord> trials(Path store, long sweep) {
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            return s.trials(sweep);
        }
    }

    /** Runs per trial number, by status, from the runs table: what really trained. */
    private static Map<Integer, List<String>> runsByTrial(Path store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT trial, status FROM runs WHERE sweep_id IS NOT NULL ORDER BY id")) {
            Map<Integer, List<String>> out = new java.util.TreeMap<>();
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
            }
            return out;
        }
    }

    @Test
    void twoWorkerProcessesRunEveryTrialOnceAndFailingTrialsDoNotStopTheSweep() throws Exception {
        Path file = descriptor("grid", 1, """
                sweep:
                  max_retries: 0
                  parameters:
                    optimizer.learning_rate: [0.01, 0.003, 0.001]
                    model.layers[4].units: [4, 0]
                """);
        Path store = dir.resolve("djx.db");

        int status = Main.execute("sweep", file.toString(), "--workers", "2", "--store", store.toString(), "-q");

        assertEquals(0, status);
        List<TrialRecord> trials = trials(store, 1);
        assertEquals(6, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(1, t.attempts(), "trial " + t.number() + " was claimed once");
            long units = ((Number) t.overrides().get("model.layers[4].units")).longValue();
            if (units == 4) {
                assertEquals(RunStatus.COMPLETED, t.status(), "trial " + t.number() + ": " + t.error());
                assertTrue(t.objective() > 0.25, "learns above chance");
            } else {
                assertEquals(RunStatus.FAILED, t.status());
                assertTrue(t.error().contains("model.layers[4].units"), t.error());
            }
        }
        Map<Integer, List<String>> runs = runsByTrial(store);
        Set<Integer> completed = trials.stream().filter(t -> t.status() == RunStatus.COMPLETED).map(TrialRecord::number)
                .collect(Collectors.toSet());
        assertEquals(completed, runs.keySet(), "one run per valid trial, none for the invalid ones");
        runs.values().forEach(r -> assertEquals(List.of("completed"), r));
    }

    @Test
    void medianPrunerStopsATrialThatLagsTheCompletedOnes() throws Exception {
        Path file = descriptor("pruned", 3, """
                sweep:
                  parameters:
                    optimizer.learning_rate: [0.01, 1.0e-7]
                  pruner: {type: median, warmup: 0}
                """);
        Path store = dir.resolve("djx.db");

        assertEquals(0, Main.execute("sweep", file.toString(), "--store", store.toString(), "-q"));

        List<TrialRecord> trials = trials(store, 1);
        assertEquals(RunStatus.COMPLETED, trials.get(0).status());
        assertEquals(3, trials.get(0).epochs());
        assertEquals(RunStatus.PRUNED, trials.get(1).status());
        assertEquals(1, trials.get(1).epochs(), "pruned at the first epoch it could be");
        assertEquals(List.of("pruned"), runsByTrial(store).get(1));
    }

    @Test
    void aSweepWhoseWorkersAreKilledResumesWithoutDuplicateTrials() throws Exception {
        Path file = descriptor("killed", 3, """
                sweep:
                  parameters:
                    optimizer.learning_rate: [0.01, 0.005, 0.003, 0.002, 0.001]
                """);
        Path store = dir.resolve("djx.db");
        Process sweep = WorkerProcesses.builder(List.of("sweep", file.toString(), "--workers", "2", "--store", store.toString(), "-q"), 1)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!midway(store)) {
                assertTrue(sweep.isAlive(), "the sweep ended before it could be killed");
                assertTrue(System.nanoTime() < deadline, "no trial completed in time");
                Thread.sleep(100);
            }
        } finally {
            List<ProcessHandle> workers = sweep.descendants().toList();
            workers.forEach(ProcessHandle::destroyForcibly); // kill -9: no chance to clean up
            sweep.destroyForcibly();
            sweep.waitFor();
            for (ProcessHandle w : workers) {
                w.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        List<TrialRecord> killed = trials(store, 1);
        assertTrue(killed.stream().anyMatch(t -> t.status() == RunStatus.RUNNING), "killed while a trial ran");

        int status = Main.execute("sweep", file.toString(), "--store", store.toString(), "-q");

        assertEquals(0, status);
        List<TrialRecord> trials = trials(store, 1);
        assertEquals(List.of(0, 1, 2, 3, 4), trials.stream().map(TrialRecord::number).toList(), "no trial added twice");
        assertTrue(trials.stream().allMatch(t -> t.status() == RunStatus.COMPLETED), trials.toString());
        assertTrue(trials.stream().anyMatch(t -> t.attempts() == 2), "the killed trial was run again");
        Map<Integer, List<String>> runs = runsByTrial(store);
        for (TrialRecord t : trials) {
            List<String> r = runs.get(t.number());
            assertEquals(1, r.stream().filter("completed"::equals).count(), "trial " + t.number() + " completed once: " + r);
            assertTrue(r.stream().allMatch(s -> s.equals("completed") || s.equals("interrupted")),
                    "a killed run is marked interrupted, not left running: " + r);
        }
    }

    @Test
    void resumingRetriesFailedTrialsAndAChangedDescriptorNeedsNew() throws Exception {
        // Dense layers narrower than the 4 classes fail every trial, quickly, before any training.
        String sweep = """
                sweep:
                  max_retries: 1
                  parameters:
                    model.layers[4].units: [2, 3]
                """;
        Path file = descriptor("narrow", 1, sweep);
        Path store = dir.resolve("djx.db");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        assertEquals(1, Main.execute("sweep", file.toString(), "--store", store.toString(), "-q"), "no trial completed");
        assertTrue(trials(store, 1).stream().allMatch(t -> t.status() == RunStatus.FAILED && t.error().contains("classes")));

        assertEquals(1, Main.execute("sweep", file.toString(), "--store", store.toString(), "-q"));
        assertTrue(trials(store, 1).stream().allMatch(t -> t.attempts() == 2), "resuming retried each failed trial once");
        assertEquals(1, Main.execute("sweep", file.toString(), "--store", store.toString(), "-q"));
        assertTrue(trials(store, 1).stream().allMatch(t -> t.attempts() == 2), "max_retries: 1 means one retry");

        descriptor("narrow", 1, sweep.replace("[2, 3]", "[2, 3, 1]"));
        int refused = EndToEndTrainingTest.runCapturingErr(err, "sweep", file.toString(), "--store", store.toString(), "-q");
        assertEquals(2, refused);
        assertTrue(err.toString().contains("different descriptor") && err.toString().contains("--new"), err.toString());
        assertEquals(2, trials(store, 1).size(), "the refused run changed nothing");

        assertEquals(1, Main.execute("sweep", file.toString(), "--store", store.toString(), "-q", "--new"));
        assertEquals(3, trials(store, 2).size(), "--new started sweep 2");
        assertEquals(0, Main.execute("sweep", "status", "1", "--store", store.toString()));
    }

    @Test
    void aDescriptorWithoutSweepSectionIsOneClearError() throws Exception {
        Path file = descriptor("plain", 1, "");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = EndToEndTrainingTest.runCapturingErr(err, "sweep", file.toString(), "--store", dir.resolve("djx.db").toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("has no sweep: section"), err.toString());
        assertTrue(!err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aMisspeltParameterPathIsOneErrorAtItsLineAndStoresNothing() throws Exception {
        Path file = descriptor("typo", 1, """
                sweep:
                  parameters:
                    optimizer.learnin_rate: [0.1, 0.01]
                """);
        Path store = dir.resolve("djx.db");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = EndToEndTrainingTest.runCapturingErr(err, "sweep", file.toString(), "--store", store.toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("typo.yaml:17:5: sweep.parameters.optimizer.learnin_rate: no trial is a valid descriptor")
                && err.toString().contains("no parameter 'learnin_rate'"), err.toString());
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            assertTrue(s.latestSweep("typo").isEmpty(), "no sweep was stored");
        }
    }

    @Test
    void aMissingDatasetIsOneErrorBeforeAnyTrialAndStoresNothing() throws Exception {
        Path file = descriptor("nodata", 1, """
                sweep:
                  parameters:
                    optimizer.learning_rate: [0.01, 0.003, 0.001]
                """);
        Files.writeString(file, Files.readString(file).replace(data.toString(), dir.resolve("nowhere").toString()));
        Path store = dir.resolve("djx.db");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int status = EndToEndTrainingTest.runCapturingErr(err, "sweep", file.toString(), "--store", store.toString(), "-q");

        assertEquals(2, status);
        String message = err.toString();
        assertTrue(message.contains("nowhere") && message.contains("does not exist"), message);
        assertEquals(1, message.lines().filter(l -> l.contains("does not exist")).count(), "said once, not per trial: " + message);
        assertTrue(!message.contains("\tat "), message);
        assertTrue(!Files.exists(store), "no store, no sweep, no trial was created");
    }

    @Test
    void aWorkerWhoseDatasetIsGoneStopsBeforeClaimingAndResumingChangesNothing() throws Exception {
        Path own = dir.resolve("own-data");
        SyntheticExperiment.writeData(own, 200, 0, 11, false);
        Path file = descriptor("gone", 1, """
                sweep:
                  parameters:
                    optimizer.learning_rate: [0.01, 0.003]
                """);
        Files.writeString(file, Files.readString(file).replace(data.toString(), own.toString()));
        Path store = dir.resolve("djx.db");
        assertEquals(0, Main.execute("sweep", file.toString(), "--max-trials", "1", "--store", store.toString(), "-q"));
        try (var files = Files.list(own)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(own);
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            s.addTrials(1, List.of(Map.of("optimizer.learning_rate", 0.003)));
        }

        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertEquals(2, EndToEndTrainingTest.runCapturingErr(err, "worker", "1", "--store", store.toString(), "-q"));
        assertTrue(err.toString().contains("does not exist") && !err.toString().contains("\tat "), err.toString());
        err.reset();
        assertEquals(2, EndToEndTrainingTest.runCapturingErr(err, "sweep", file.toString(), "--max-trials", "2",
                "--store", store.toString(), "-q"));
        assertTrue(err.toString().contains("does not exist"), err.toString());

        List<TrialRecord> trials = trials(store, 1);
        assertEquals(2, trials.size());
        assertEquals(RunStatus.COMPLETED, trials.get(0).status());
        assertEquals(RunStatus.QUEUED, trials.get(1).status(), "the worker claimed nothing");
        assertEquals(0, trials.get(1).attempts());
        assertEquals(Map.of(0, List.of("completed")), runsByTrial(store), "no run was started for trial 1");
    }

    @Test
    void trialsOfASplitFromTrainReportTheirTestAccuracyNextToTheObjective() throws Exception {
        Path own = dir.resolve("with-test");
        SyntheticExperiment.writeData(own, 200, 100, 11, false);
        Path file = descriptor("tested", 1, """
                sweep:
                  parameters:
                    optimizer.learning_rate: [0.01, 0.003]
                """);
        Files.writeString(file, Files.readString(file).replace(data.toString(), own.toString())
                .replace("split: {validation: 0.25}", "split: {validation: 0.25, from: train}"));
        Path store = dir.resolve("djx.db");

        CliOutput sweep = CliOutput.run("sweep", file.toString(), "--store", store.toString(), "-q");

        assertEquals(0, sweep.status(), sweep.err());
        List<TrialRecord> trials = trials(store, 1);
        assertTrue(trials.stream().allMatch(t -> t.testAccuracy() != null && t.testAccuracy() > 0), trials.toString());
        List<String> lines = sweep.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("best: trial \\d .*; test_accuracy \\d\\.\\d{4}")), sweep.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("trial\\s+status\\s+validate_accuracy\\s+test_accuracy\\s+epochs.*")), sweep.out());
        CliOutput status = CliOutput.run("sweep", "status", "1", "--store", store.toString());
        assertTrue(status.out().contains(String.format("%.4f", trials.get(0).testAccuracy())), status.out());
    }

    /** At least one trial completed and one still running. */
    private static boolean midway(Path store) {
        if (!Files.exists(store)) {
            return false;
        }
        try {
            List<TrialRecord> t = trials(store, 1);
            return t.stream().anyMatch(x -> x.status() == RunStatus.COMPLETED) && t.stream().anyMatch(x -> x.status() == RunStatus.RUNNING);
        } catch (RuntimeException notReadyYet) {
            return false;
        }
    }
}
