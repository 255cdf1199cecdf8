package org.djx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.djx.store.NewRun;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs, show, compare, export, runs delete and store backup on a small store. */
class ComparisonCommandsTest {

    @TempDir
    Path dir;

    Path store;

    /** Run 1: sgd lr 0.1; run 2: adam lr 0.01; run 3: sgd lr 0.001, failed. Same batch size everywhere. */
    @BeforeEach
    void threeRuns() {
        store = dir.resolve("c.db");
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            String[] types = {"sgd", "adam", "sgd"};
            double[] lrs = {0.1, 0.01, 0.001};
            for (int i = 0; i < 3; i++) {
                long id = s.startRun(new NewRun("cnn", "h", "{}", "f.yaml",
                        Map.of("optimizer.type", types[i], "optimizer.learning_rate", lrs[i], "training.batch_size", 64), Map.of()));
                for (int e = 1; e <= 3; e++) {
                    s.recordEpoch(id, e, Map.of("validate_accuracy", 0.5 + 0.1 * i + 0.01 * e, "validate_loss", 1.0 / e + i));
                }
                s.finishRun(id, i == 2 ? RunStatus.FAILED : RunStatus.COMPLETED, i == 2 ? "boom" : null);
            }
        }
    }

    private Cli djx(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--store";
        all[args.length + 1] = store.toString();
        return Cli.run(all);
    }

    @Test
    void unknownRunsSweepsAndCheckpointsAreOneLineWithExitTwo() {
        for (String[] args : List.of(new String[] {"show", "99"}, new String[] {"compare", "1", "99"},
                new String[] {"runs", "delete", "99"}, new String[] {"evaluate", "99"}, new String[] {"predict", "99", "x.png"})) {
            Cli r = djx(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals("djx: no run 99 in " + store, r.err().strip(), String.join(" ", args));
        }
        for (String[] args : List.of(new String[] {"sweep", "status", "99"}, new String[] {"worker", "99"})) {
            Cli r = djx(args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals("djx: there is no sweep 99 in " + store, r.err().strip(), String.join(" ", args));
            assertEquals("", r.out(), "nothing is announced for a sweep that is not there");
        }
        Path missing = dir.resolve("typo.db");
        Cli none = Cli.run("show", "1", "--store", missing.toString());
        assertEquals(2, none.status());
        assertEquals("djx: there is no results store at " + missing + " (see --store)", none.err().strip());
        assertFalse(Files.exists(missing), "looking a run up creates no empty store");

        Cli r = djx("evaluate", "1", "--checkpoint", "descriptor");
        assertEquals(2, r.status());
        assertEquals("djx: --checkpoint must be best or last, not 'descriptor'", r.err().strip());
    }

    @Test
    void runsShowsTheParamsThatDifferAndFinalAndBestMetrics() throws Exception {
        Cli r = djx("runs", "--format", "csv");
        assertEquals(0, r.status(), r.err());
        String header = r.out().lines().findFirst().orElseThrow();
        assertEquals("id,experiment,status,started,epochs,duration,params.optimizer.learning_rate,params.optimizer.type,"
                + "metrics.validate_accuracy,metrics.validate_accuracy.best,metrics.validate_loss,metrics.validate_loss.best", header);
        assertFalse(header.contains("batch_size"), "a param all runs share is not a default column");

        Cli json = djx("runs", "--where", "params.optimizer.learning_rate >= 0.01 or status = failed", "--sort", "-metrics.validate_accuracy",
                "--columns", "id,metrics.validate_loss.best", "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(3, rows.size());
        assertEquals(List.of(3L, 2L, 1L), List.of(rows.get(0).get("id").asLong(), rows.get(1).get("id").asLong(), rows.get(2).get("id").asLong()));
        assertEquals(1.0 / 3 + 2, rows.get(0).get("metrics.validate_loss.best").asDouble(), 1e-9);

        Cli bad = djx("runs", "--where", "params.optimizer.learning_rate <");
        assertEquals(2, bad.status());
        assertEquals("djx: --where: column 33: expected a value after '<'", bad.err().strip());
    }

    @Test
    void showAndCompare() {
        Cli show = djx("show", "3");
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains("status failed") && show.out().contains("error: boom"), show.out());
        Cli compare = djx("compare", "1", "2");
        assertEquals(0, compare.status(), compare.err());
        assertTrue(compare.out().contains("optimizer.type           sgd     adam"), compare.out());
        assertFalse(compare.out().contains("batch_size"), compare.out());
        assertTrue(compare.out().contains("learning curve: validate_accuracy"), compare.out());
        assertEquals(2, djx("compare", "1", "99").status());
    }

    @Test
    void staleRunsAreListedThenMarkedByTheNextCommand() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement()) {
            s.execute("UPDATE runs SET status = 'running', ended_at = NULL, heartbeat_at = '2020-01-01T00:00:00Z' WHERE id = 2");
        }
        Cli stale = djx("runs", "--status", "stale", "--format", "csv", "--columns", "id,status");
        assertEquals("id,status\n2,running\n", stale.out(), stale.err());
        Cli next = djx("runs", "--format", "csv", "--columns", "id,status");
        assertTrue(next.err().contains("marked 1 run(s) interrupted"), next.err());
        assertTrue(next.out().contains("2,interrupted"), next.out());
        assertEquals("id,status\n", djx("runs", "--status", "stale", "--format", "csv", "--columns", "id,status").out());
    }

    @Test
    void exportFormats() throws Exception {
        Path csv = dir.resolve("out.csv");
        assertEquals(0, djx("export", "--format", "csv", "--out", csv.toString()).status());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 9, lines.size(), "a header and one row per run and epoch");
        assertTrue(lines.get(0).startsWith("run_id,experiment,status,sweep,trial,started_at,ended_at,epoch,params.optimizer.learning_rate"));

        Path jsonl = dir.resolve("out.jsonl");
        assertEquals(0, djx("export", "--status", "completed", "--format", "jsonl", "--out", jsonl.toString()).status());
        List<String> runs = Files.readAllLines(jsonl);
        assertEquals(2, runs.size());
        JsonNode first = new ObjectMapper().readTree(runs.get(0));
        assertEquals("adam", first.get("params").get("optimizer.type").asText());
        assertEquals(3, first.get("per_epoch").size());
        assertEquals(0.63, first.get("metrics").get("validate_accuracy").get("best").asDouble(), 1e-9);

        Path json = dir.resolve("out.json");
        assertEquals(0, djx("export", "--format", "json", "--out", json.toString()).status());
        assertEquals(3, new ObjectMapper().readTree(json.toFile()).size());
    }

    @Test
    void deleteAsksFirstAndBackupCopies() throws Exception {
        Cli declined = Cli.runWithInput("n\n", "runs", "delete", "1", "--store", store.toString());
        assertEquals(1, declined.status());
        assertTrue(declined.out().contains("Nothing deleted"), declined.out());
        Cli accepted = Cli.runWithInput("y\n", "runs", "delete", "--where", "status = failed", "--store", store.toString());
        assertEquals(0, accepted.status(), accepted.err());
        assertTrue(accepted.out().contains("Delete 1 run(s) [3]"), accepted.out());
        assertEquals(0, djx("runs", "delete", "1", "--yes").status());
        assertEquals("id\n2\n", djx("runs", "--format", "csv", "--columns", "id").out());
        assertEquals(2, djx("runs", "delete").status(), "nothing named, nothing selected");

        Path copy = dir.resolve("copy.db");
        Cli backup = djx("store", "backup", copy.toString());
        assertEquals(0, backup.status(), backup.err());
        assertEquals("id\n2\n", Cli.run("runs", "--format", "csv", "--columns", "id", "--store", copy.toString()).out());
        Cli again = djx("store", "backup", copy.toString());
        assertEquals(2, again.status());
        assertTrue(again.err().contains("already exists"), again.err());
    }
}
