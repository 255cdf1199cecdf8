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
import java.util.concurrent.TimeUnit;
import org.djx.testing.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code djx run} in its own process, stopped by SIGTERM and by SIGINT (Ctrl-C) mid-training: the
 * run reads {@code interrupted} within two seconds and never {@code completed}.
 */
class RunSignalTest {

    @TempDir
    Path dir;

    @Test
    void sigtermAndCtrlCInterruptTheRun() throws Exception {
        Path data = dir.resolve("data");
        IdxWriter.writeSynthetic(data, 400, 0, 4, 7, false);
        Path descriptor = dir.resolve("long.yaml");
        Files.writeString(descriptor, """
                name: long
                seed: 1
                device: cpu
                dataset: {type: idx, path: %s, split: {validation: 0.2}}
                model:
                  input: [1, 28, 28]
                  layers:
                    - {type: flatten}
                    - {type: dense, units: 4}
                optimizer: {type: sgd, learning_rate: 0.01}
                training: {batch_size: 16, epochs: 100000}
                """.formatted(data));
        for (String signal : List.of("TERM", "INT")) {
            Path store = dir.resolve(signal + ".db");
            Process djx = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
                    "-cp", System.getProperty("java.class.path"), "org.djx.cli.Main", "run", descriptor.toString(), "--quiet",
                    "--store", store.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(signal + ".log").toFile()).start();
            for (int i = 0; i < 600 && query(store, "SELECT count(*) FROM metrics") == null; i++) {
                Thread.sleep(100); // until it has trained an epoch
            }
            assertEquals("running", query(store, "SELECT status FROM runs"), Files.readString(dir.resolve(signal + ".log")));
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(djx.pid())).start().waitFor();
            String status = "running";
            while (status.equals("running") && System.nanoTime() - t0 < 2_000_000_000L) {
                Thread.sleep(20);
                status = query(store, "SELECT status FROM runs");
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            assertEquals("interrupted", status, "SIG" + signal + " after " + ms + " ms");
            assertTrue(djx.waitFor(30, TimeUnit.SECONDS));
            assertEquals("interrupted", query(store, "SELECT status FROM runs"), "never completed afterwards");
            System.out.printf("[figures] djx run + SIG%s: interrupted after %.0f ms%n", signal, ms);
        }
    }

    /** The first column of the first row, or {@code null} when there is no store, table or row yet. */
    private static String query(Path store, String sql) {
        if (!Files.exists(store)) {
            return null;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            String v = rs.next() ? rs.getString(1) : null;
            return "0".equals(v) ? null : v;
        } catch (java.sql.SQLException e) {
            return null; // not created yet
        }
    }
}
