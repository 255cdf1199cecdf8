package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.djx.cli.Main;
import org.djx.testing.IdxWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run does beyond the happy path, on tiny synthetic data: determinism, early stopping,
 * divergence, step-based evaluation with a final test set, checkpoints, predict and evaluate,
 * and a SIGTERM'd child process resumed to completion.
 */
class TrainingBehaviourTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        data = shared.resolve("bars");
        IdxWriter.writeSynthetic(data, 400, 100, 4, 11, false);
    }

    private Path descriptor(String name, String extra) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                name: %s
                seed: 7
                device: cpu
                dataset: {type: idx, path: %s, split: {validation: 0.25, seed: 3}}
                model:
                  input: [1, 28, 28]
                  layers:
                    - {type: conv2d, filters: 4, kernel: 5, padding: same}
                    - {type: relu}
                    - {type: maxpool2d, size: 2}
                    - {type: flatten}
                    - {type: dense, units: 16}
                    - {type: relu}
                    - {type: dropout, rate: 0.3}
                    - {type: dense, units: 4}
                optimizer: {type: adam, learning_rate: 0.01}
                """.formatted(name, data) + extra);
        return file;
    }

    private Path store() {
        return dir.resolve("results/djx.db");
    }

    @Test
    void twoRunsOfOneDescriptorRecordTheSameMetrics() throws Exception {
        Path file = descriptor("same", "training: {batch_size: 25, epochs: 2}\n");
        assertEquals(0, Main.execute("run", file.toString(), "--store", store().toString(), "--quiet"));
        assertEquals(0, Main.execute("run", file.toString(), "--store", store().toString(), "--quiet"));

        Map<String, Double> first = learningMetrics(1);
        Map<String, Double> second = learningMetrics(2);
        assertEquals(2 * 5, first.size(), "train/validate loss and accuracy and learning rate for 2 epochs: " + first);
        assertEquals(first, second);
    }

    @Test
    void earlyStoppingEndsARunThatStopsImproving() throws Exception {
        // No accuracy can improve by more than 1.0: the second evaluation runs out of patience.
        Path file = descriptor("early", """
                training:
                  batch_size: 50
                  epochs: 6
                  early_stopping: {metric: validate_accuracy, patience: 1, min_delta: 1.0}
                """);
        assertEquals(0, Main.execute("run", file.toString(), "--store", store().toString(), "--quiet"));
        assertEquals("completed", query("SELECT status FROM runs WHERE id = 1"));
        assertEquals("2", query("SELECT epochs FROM runs WHERE id = 1"));
        assertEquals("2", query("SELECT max(epoch) FROM metrics WHERE run_id = 1"));
    }

    @Test
    void aDivergingLossFailsTheRunAtOnceWithTheReason() throws Exception {
        Path file = descriptor("diverge", "training: {batch_size: 25, epochs: 3}\n")
                .resolveSibling("diverge.yaml");
        Files.writeString(file, Files.readString(file).replace("{type: adam, learning_rate: 0.01}", "{type: sgd, learning_rate: 1.0e30}"));
        int status = Main.execute("run", file.toString(), "--store", store().toString(), "--quiet");
        assertEquals(1, status);
        assertEquals("failed", query("SELECT status FROM runs WHERE id = 1"));
        String error = query("SELECT error FROM runs WHERE id = 1");
        assertTrue(error.startsWith("training diverged: the loss became"), error);
        assertEquals("0", query("SELECT epochs FROM runs WHERE id = 1"), "stopped within the first epoch");
    }

    @Test
    void stepsEvaluateEveryNStepsAndTheTestPartAtTheEnd() throws Exception {
        Path file = descriptor("steps", "training: {batch_size: 30, steps: 25, eval_every: 10}\n")
                .resolveSibling("steps.yaml");
        Files.writeString(file, Files.readString(file).replace("seed: 3}", "seed: 3, from: train}"));
        assertEquals(0, Main.execute("run", file.toString(), "--store", store().toString(), "--quiet"));
        assertEquals("10.0,20.0,25.0", query("SELECT group_concat(value, ',') FROM (SELECT value FROM metrics"
                + " WHERE run_id = 1 AND name = 'step' ORDER BY epoch)"));
        assertEquals("3", query("SELECT epoch FROM metrics WHERE run_id = 1 AND name = 'test_accuracy'"));
        double testAccuracy = Double.parseDouble(query("SELECT value FROM metrics WHERE name = 'test_accuracy'"));
        assertTrue(testAccuracy > 0.5, "test accuracy " + testAccuracy + " should be well above chance (0.25)");
    }

    @Test
    void checkpointsAreKeptAndPredictAndEvaluateUseThem() throws Exception {
        Path file = descriptor("keep", "training: {batch_size: 25, epochs: 3}\n");
        assertEquals(0, Main.execute("run", file.toString(), "--store", store().toString(), "--quiet"));

        Path runDir = dir.resolve("results/artifacts/1");
        Map<String, String> artifacts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, path FROM artifacts WHERE run_id = 1")) {
            while (rs.next()) {
                artifacts.put(rs.getString(1), rs.getString(2));
            }
        }
        assertEquals(List.of("best", "classes", "descriptor", "last"), new ArrayList<>(artifacts.keySet()));
        for (String path : artifacts.values()) {
            assertTrue(Files.size(Path.of(path)) > 0, path);
            assertEquals(runDir.toAbsolutePath(), Path.of(path).getParent());
        }

        // A bar in class 2's rows, as a PNG, and the first test images as an IDX file.
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 4; x < 24; x++) {
            image.getRaster().setSample(x, 14, 0, 230);
            image.getRaster().setSample(x, 15, 0, 230);
        }
        Path png = dir.resolve("bar.png");
        ImageIO.write(image, "png", png.toFile());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = capturing(out, "predict", "1", png.toString(), data.resolve("t10k-images-idx3-ubyte").toString(),
                "--limit", "2", "--store", store().toString());
        assertEquals(0, status, out.toString());
        String[] lines = out.toString().trim().split("\n");
        assertEquals(3, lines.length, out.toString());
        assertTrue(lines[0].startsWith(png + ": 2  (2 "), lines[0]);
        assertTrue(lines[1].startsWith("t10k-images-idx3-ubyte[0]: "), lines[1]);

        out.reset();
        assertEquals(0, capturing(out, "evaluate", "1", "--store", store().toString()));
        assertTrue(out.toString().contains("on 125 validation images: loss "), out.toString());
    }

    @Test
    void aSignalledRunIsInterruptedAndResumesToCompletion() throws Exception {
        Path file = descriptor("resume", "training: {batch_size: 10, epochs: 4}\n");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.djx.cli.Main",
                "run", file.toString(), "--store", store().toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (epochsOfRun1() < 1) {
                assertTrue(child.isAlive(), () -> "child ended early: " + log());
                assertTrue(System.nanoTime() < deadline, "no epoch within 60 s");
                Thread.sleep(20);
            }
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child exits promptly");
        } finally {
            child.destroyForcibly();
        }
        assertEquals("interrupted", query("SELECT status FROM runs WHERE id = 1"), log());
        int done = Integer.parseInt(query("SELECT epochs FROM runs WHERE id = 1"));
        assertTrue(done >= 1 && done < 4, "interrupted after " + done + " epochs");
        assertTrue(query("SELECT error FROM runs WHERE id = 1").startsWith("interrupted by a signal after evaluation"));
        assertFalse(log().contains("SIGSEGV"), log());

        Path changed = Files.writeString(dir.resolve("changed.yaml"), Files.readString(file).replace("epochs: 4", "epochs: 5"));
        assertEquals(2, withErr(err -> Main.execute("run", changed.toString(), "--resume", "1", "--store", store().toString()),
                "run 1 was trained from a different descriptor"));

        assertEquals(0, Main.execute("run", "--resume", "1", "--store", store().toString(), "--quiet"));
        assertEquals("completed", query("SELECT status FROM runs WHERE id = 1"));
        assertEquals("4", query("SELECT epochs FROM runs WHERE id = 1"));
        assertEquals("1", query("SELECT count(*) FROM runs"));
        assertEquals("4", query("SELECT count(*) FROM metrics WHERE run_id = 1 AND name = 'train_loss'"));
        // A resumed run starts from the checkpoint, not from fresh weights (which would repeat epoch 1).
        assertNotEquals(query("SELECT value FROM metrics WHERE name = 'train_loss' AND epoch = 1"),
                query("SELECT value FROM metrics WHERE name = 'train_loss' AND epoch = " + (done + 1)));

        assertEquals(2, withErr(err -> Main.execute("run", "--resume", "1", "--store", store().toString()),
                "run 1 is completed; only an interrupted or failed run can be resumed"));
    }

    /** Runs {@code command} with stderr captured and checks it says {@code expected}; returns the exit status. */
    private static int withErr(java.util.function.Function<ByteArrayOutputStream, Integer> command, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true));
        int status;
        try {
            status = command.apply(err);
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString().contains(expected), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        return status;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }

    private int epochsOfRun1() throws SQLException {
        if (!Files.exists(store())) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT epochs FROM runs WHERE id = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException busyOrNotYetCreated) {
            return 0;
        }
    }

    private static int capturing(ByteArrayOutputStream out, String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            return Main.execute(args);
        } finally {
            System.setOut(old);
        }
    }

    private Map<String, Double> learningMetrics(long runId) throws SQLException {
        Map<String, Double> metrics = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT epoch, name, value FROM metrics WHERE run_id = " + runId
                        + " AND name NOT IN ('epoch_seconds', 'images_per_second')")) {
            while (rs.next()) {
                metrics.put(rs.getInt(1) + "/" + rs.getString(2), rs.getDouble(3));
            }
        }
        return metrics;
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            String value = rs.getString(1);
            assertNotNull(value, sql);
            return value;
        }
    }
}
