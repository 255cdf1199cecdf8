package org.djx.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteResultStoreTest {

    @TempDir
    Path dir;

    /** Connections of one JVM race like processes do, only faster, so many rounds are cheap. */
    @Test
    void sixteenConnectionsOpeningANewStoreAtOnceAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 5; round++) {
                Path file = dir.resolve("race-" + round + ".db");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> opens = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    opens.add(pool.submit(() -> {
                        go.await();
                        try (SqliteResultStore s = SqliteResultStore.open(file)) {
                            return s.startRun(StoreWriterMain.newRun("race", 0));
                        }
                    }));
                }
                go.countDown();
                for (Future<Long> f : opens) {
                    f.get(); // throws if any open failed
                }
                assertEquals(16, StoreProcesses.scalar(file, "SELECT count(*) FROM runs"));
                assertEquals(Migrations.latest(), StoreProcesses.scalar(file, "PRAGMA user_version"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staleRunsNeedAnOldHeartbeatAndFinishedRunsAreNeverStale() throws Exception {
        try (SqliteResultStore s = SqliteResultStore.open(dir.resolve("s.db"))) {
            long alive = s.startRun(StoreWriterMain.newRun("a", 0));
            long done = s.startRun(StoreWriterMain.newRun("a", 1));
            s.finishRun(done, RunStatus.COMPLETED, null);
            Thread.sleep(300);
            s.heartbeat(alive);
            assertEquals(List.of(), s.staleRuns(Duration.ofMillis(200)));
            Thread.sleep(300);
            assertEquals(List.of(alive), s.interruptStaleRuns(Duration.ofMillis(200)));
            assertEquals(RunStatus.COMPLETED, s.run(done).orElseThrow().status());
            assertEquals(List.of(), s.interruptStaleRuns(Duration.ofMillis(200)), "marking happens once");
        }
    }

    @Test
    void deleteKeepsRunningRunsAndCascades() throws Exception {
        Path file = dir.resolve("d.db");
        try (SqliteResultStore s = SqliteResultStore.open(file)) {
            long running = s.startRun(StoreWriterMain.newRun("d", 0));
            long done = s.startRun(StoreWriterMain.newRun("d", 1));
            s.recordEpoch(done, 1, Map.of("loss", 1.0));
            s.finishRun(done, RunStatus.FAILED, "x");
            assertEquals(1, s.deleteRuns(List.of(running, done)));
            assertTrue(s.run(running).isPresent());
            assertTrue(s.run(done).isEmpty());
        }
        assertEquals(0, StoreProcesses.scalar(file, "SELECT count(*) FROM metrics"));
        assertEquals(3, StoreProcesses.scalar(file, "SELECT count(*) FROM params"), "only the running run's params are left");
    }

    @Test
    void backupRefusesToOverwrite() throws Exception {
        Path target = Files.writeString(dir.resolve("exists.db"), "precious");
        try (SqliteResultStore s = SqliteResultStore.open(dir.resolve("b.db"))) {
            assertThrows(StoreException.class, () -> s.backup(target));
        }
        assertEquals("precious", Files.readString(target));
    }

    /** 501 runs: the chosen keys of every run come back, across the 500-id chunks, numbers as numbers. */
    @Test
    void paramsOfChosenKeysSpanChunks() throws Exception {
        try (SqliteResultStore s = SqliteResultStore.open(dir.resolve("p.db"))) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                ids.add(s.startRun(StoreWriterMain.newRun("p", i)));
            }
            Map<Long, Map<String, Object>> params = s.params(ids, List.of("optimizer.type", "optimizer.learning_rate"));
            assertEquals(501, params.size());
            assertEquals(Map.of("optimizer.type", "sgd", "optimizer.learning_rate", 0.001 * 501), params.get(ids.get(500)));
            assertEquals(Map.of("optimizer.type", "adam", "optimizer.learning_rate", 0.001 * 2), params.get(ids.get(1)));
            assertEquals(Map.of("optimizer.type", "sgd", "optimizer.learning_rate", 0.001), params.get(ids.get(0)));
            assertEquals(Map.of(), s.params(ids, List.of()));
        }
    }

    @Test
    void aDirectoryGivenAsTheStoreIsNamedAsSuch() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        StoreException open = assertThrows(StoreException.class, () -> SqliteResultStore.open(folder));
        assertTrue(open.getMessage().contains("is a directory"), open.getMessage());
        StoreException query = assertThrows(StoreException.class, () -> SqliteResultStore.query(folder, "SELECT 1", 0));
        assertTrue(query.getMessage().contains("is a directory"), query.getMessage());
    }
}
