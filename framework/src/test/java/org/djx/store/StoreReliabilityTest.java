package org.djx.store;

import static org.djx.store.StoreProcesses.firstLine;
import static org.djx.store.StoreProcesses.output;
import static org.djx.store.StoreProcesses.scalar;
import static org.djx.store.StoreProcesses.start;
import static org.djx.store.StoreProcesses.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store under real concurrency: separate OS processes writing one file, killed writers, and
 * many processes creating a store at once. Prints the figures it sees (for the closing note).
 */
class StoreReliabilityTest {

    @TempDir
    Path dir;

    @Test
    void fourProcessesWritingAtOnceLoseNothingAndABackupMeanwhileIsConsistent() throws Exception {
        Path store = dir.resolve("busy.db");
        SqliteResultStore.open(store).close(); // so the backup below has a store to copy from the start
        long t0 = System.nanoTime();
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(start("write", store.toString(), "50", "20", "w" + w));
        }
        Path backup = dir.resolve("during.db");
        for (int i = 0; i < 3000 && scalar(store, "SELECT count(*) FROM runs") < 20; i++) {
            Thread.sleep(10); // until the writers are well under way
        }
        try (SqliteResultStore reader = SqliteResultStore.open(store)) {
            reader.backup(backup);
        }
        for (Process p : writers) {
            String out = output(p);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals("done", out.strip(), "a writer printed more than 'done' (BUSY or another error?)");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(200, scalar(store, "SELECT count(*) FROM runs"));
        assertEquals(200, scalar(store, "SELECT count(*) FROM runs WHERE status = 'completed' AND epochs = 20"));
        for (String metric : List.of("train_loss", "validate_loss", "validate_accuracy")) {
            assertEquals(4000, scalar(store, "SELECT count(*) FROM metrics WHERE name = '" + metric + "'"), metric);
        }
        assertEquals("ok", text(store, "PRAGMA integrity_check"));

        // The backup is a consistent snapshot: every run in it has whole epochs, completed ones all 20.
        assertEquals("ok", text(backup, "PRAGMA integrity_check"));
        long backedUp = scalar(backup, "SELECT count(*) FROM runs");
        assertEquals(0, scalar(backup, "SELECT count(*) FROM (SELECT run_id, epoch FROM metrics GROUP BY run_id, epoch HAVING count(*) <> 3)"));
        assertEquals(0, scalar(backup, "SELECT count(*) FROM runs r WHERE status = 'completed'"
                + " AND (SELECT count(*) FROM metrics m WHERE m.run_id = r.id) <> 60"));
        System.out.printf("[figures] 4 processes x 50 runs x 20 epochs: %.1f s, 200 runs, 4000 rows per metric,"
                + " integrity ok; backup taken mid-way held %d runs, consistent%n", seconds, backedUp);
    }

    @Test
    void killMinus9LeavesNoPartialEpochAndTheNextOpenMarksTheRunInterrupted() throws Exception {
        Path store = dir.resolve("kill.db");
        Process p = start("hang", store.toString(), "200");
        long runId = Long.parseLong(firstLine(p).split(" ")[1]);
        Thread.sleep(700); // mid-way through writing epochs of 40 metrics each
        p.destroyForcibly(); // SIGKILL: no hook runs
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));

        long epochs = scalar(store, "SELECT count(DISTINCT epoch) FROM metrics");
        assertTrue(epochs > 0, "the writer stored epochs before it was killed");
        assertEquals(0, scalar(store, "SELECT count(*) FROM (SELECT epoch FROM metrics GROUP BY epoch HAVING count(*) <> 40)"),
                "an epoch was stored in part");
        assertEquals("running", text(store, "SELECT status FROM runs WHERE id = " + runId));

        // Still fresh: nothing is marked.
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            assertEquals(List.of(), s.interruptStaleRuns(Duration.ofSeconds(60)));
        }
        Thread.sleep(1200);
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            assertEquals(List.of(runId), s.staleRuns(Duration.ofSeconds(1)).stream().map(RunRecord::id).toList());
            assertEquals(List.of(runId), s.interruptStaleRuns(Duration.ofSeconds(1)));
            RunRecord run = s.run(runId).orElseThrow();
            assertEquals(RunStatus.INTERRUPTED, run.status());
            assertEquals(run.heartbeatAt(), run.endedAt(), "ended when it was last known alive");
            assertTrue(run.error().contains("no heartbeat since"), run.error());
        }
        System.out.printf("[figures] kill -9 after %d whole epochs: no partial epoch; marked interrupted on the next open%n", epochs);
    }

    @Test
    void sigtermAndSigintMarkTheRunInterruptedWithinTwoSeconds() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path store = dir.resolve("signal-" + signal + ".db");
            Process p = start("hang", store.toString(), "10000");
            long runId = Long.parseLong(firstLine(p).split(" ")[1]);
            Thread.sleep(300);
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(2, TimeUnit.SECONDS), "SIG" + signal + ": the process did not end within 2 s");
            double ms = (System.nanoTime() - t0) / 1e6;
            assertEquals("interrupted", text(store, "SELECT status FROM runs WHERE id = " + runId), "SIG" + signal);
            assertEquals("interrupted by a signal", text(store, "SELECT error FROM runs WHERE id = " + runId));
            assertEquals(0, scalar(store, "SELECT count(*) FROM (SELECT epoch FROM metrics GROUP BY epoch HAVING count(*) <> 40)"));
            System.out.printf("[figures] SIG%s: run interrupted and process gone in %.0f ms%n", signal, ms);
        }
    }

    @Test
    void sixteenProcessesCreatingOneStoreMigrateItOnce() throws Exception {
        Path store = dir.resolve("new.db");
        long t0 = System.nanoTime();
        List<Process> openers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            openers.add(start("open", store.toString()));
        }
        for (Process p : openers) {
            String out = output(p);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertEquals("ok", out.strip());
        }
        assertEquals(Migrations.latest(), scalar(store, "PRAGMA user_version"));
        assertEquals(16, scalar(store, "SELECT count(*) FROM runs WHERE status = 'completed'"));
        assertEquals("wal", text(store, "PRAGMA journal_mode"));
        assertEquals(1, scalar(store, "SELECT count(*) FROM sqlite_master WHERE name = 'run_summary'"));
        assertEquals("ok", text(store, "PRAGMA integrity_check"));
        System.out.printf("[figures] 16 processes on an empty store: all worked, schema version %d once, %.1f s%n",
                Migrations.latest(), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void aLongQueryDoesNotBlockWriters() throws Exception {
        Path store = dir.resolve("read.db");
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            s.finishRun(s.startRun(StoreWriterMain.newRun("seed", 0)), RunStatus.COMPLETED, null);
        }
        // A read-only reader in the middle of a long statement holds its snapshot (and read lock) throughout.
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:file:" + store + "?mode=ro");
                Statement s = reader.createStatement();
                ResultSet rows = s.executeQuery("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000)"
                        + " SELECT i, (SELECT count(*) FROM runs) FROM n")) {
            assertTrue(rows.next());
            long t0 = System.nanoTime();
            List<Process> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(start("write", store.toString(), "10", "10", "q" + w));
            }
            for (Process p : writers) {
                String out = output(p);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), out);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // The query is still going, on its snapshot: one run, not 41.
            for (int i = 0; i < 1000; i++) {
                assertTrue(rows.next());
            }
            assertEquals(1, rows.getLong(2));
            assertEquals(41, scalar(store, "SELECT count(*) FROM runs"));
            System.out.printf("[figures] 4 writers (40 runs x 10 epochs) finished in %.1f s while one query held its read open%n", seconds);
        }
        // And djx's own read-only query path runs while writers write.
        Process writer = start("write", store.toString(), "20", "10", "late");
        QueryResult result = SqliteResultStore.query(store, "SELECT count(*) FROM epoch_metrics e JOIN run_summary s USING (run_id)", 0);
        assertFalse(result.rows().isEmpty());
        assertEquals(0, writer.waitFor() == 0 ? 0 : 1, output(writer));
    }
}
