package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.djx.cli.Main;
import org.djx.testing.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a user takes: a descriptor on disk, {@code djx run}, real plugins, MXNet training
 * on a small learnable set, and the run with its params and metrics read back from SQLite.
 */
class EndToEndTrainingTest {

    @TempDir
    Path dir;

    @Test
    void trainsAboveChanceAndRecordsTheRun() throws Exception {
        Path data = dir.resolve("data");
        IdxWriter.writeSynthetic(data, 600, 0, 4, 7, true);
        Path descriptor = dir.resolve("bars.yaml");
        Files.writeString(descriptor, """
                name: bars
                seed: 1
                device: cpu
                dataset: {type: idx, path: %s, split: {validation: 0.2}}
                model:
                  input: [1, 28, 28]
                  layers:
                    - {type: conv2d, filters: 4, kernel: 5, padding: same}
                    - {type: relu}
                    - {type: maxpool2d, size: 2}
                    - {type: flatten}
                    - {type: dense, units: 4}
                optimizer: {type: adam, learning_rate: 0.01}
                training: {batch_size: 32, epochs: 3}
                """.formatted(data));
        Path store = dir.resolve("results/djx.db");

        int status = run("run", descriptor.toString(), "--store", store.toString(), "--quiet");

        assertEquals(0, status);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT status, epochs FROM runs")) {
                assertTrue(rs.next());
                assertEquals("completed", rs.getString(1));
                assertEquals(3, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT value_num FROM params WHERE key = 'optimizer.learning_rate'")) {
                assertTrue(rs.next());
                assertEquals(0.01, rs.getDouble(1), 1e-12);
            }
            try (ResultSet rs = s.executeQuery("SELECT value_text FROM params WHERE key = 'model.layers[0].type'")) {
                assertTrue(rs.next());
                assertEquals("conv2d", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(DISTINCT epoch), count(DISTINCT name) FROM metrics WHERE name IN"
                            + " ('train_loss','train_accuracy','validate_loss','validate_accuracy','epoch_seconds','images_per_second')")) {
                assertEquals(3, rs.getInt(1));
                assertEquals(6, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT value FROM metrics WHERE name = 'validate_accuracy' AND epoch = 3")) {
                double accuracy = rs.getDouble(1);
                assertTrue(accuracy > 0.6, "validation accuracy " + accuracy + " should be well above chance (0.25)");
            }
        }
    }

    @Test
    void missingDatasetDirectoryIsOneClearErrorAndNoRun() throws Exception {
        Path descriptor = dir.resolve("missing.yaml");
        Files.writeString(descriptor, """
                dataset: {type: idx, path: %s}
                model: {layers: [{type: flatten}, {type: dense, units: 10}]}
                """.formatted(dir.resolve("nowhere")));
        Path store = dir.resolve("results/djx.db");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = runCapturingErr(err, "run", descriptor.toString(), "--store", store.toString());

        assertEquals(2, status);
        String message = err.toString();
        assertTrue(message.contains("does not exist") && message.contains("nowhere"), message);
        assertTrue(!message.contains("\tat "), "no stack trace: " + message);
        assertTrue(!Files.exists(store) || noRuns(store), "no run row is left behind");
    }

    private static boolean noRuns(Path store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM runs")) {
            return rs.getInt(1) == 0;
        }
    }

    static int run(String... args) {
        return Main.execute(args);
    }

    static int runCapturingErr(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true));
        try {
            return Main.execute(args);
        } finally {
            System.setErr(old);
        }
    }
}
