package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.djx.cli.Main;
import org.djx.it.SyntheticExperiment.Store;
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
        data = SyntheticExperiment.writeData(shared.resolve("bars"), 400, 100, 11, false);
    }

    /** The net these tests train: a hidden dense layer and dropout after the small CNN's convolution. */
    private static final List<String> LAYERS = List.of(
            "{type: conv2d, filters: 4, kernel: 5, padding: same}",
            "{type: relu}",
            "{type: maxpool2d, size: 2}",
            "{type: flatten}",
            "{type: dense, units: 16}",
            "{type: relu}",
            "{type: dropout, rate: 0.3}",
            "{type: dense, units: 4}");

    private SyntheticExperiment.Descriptor experiment(String name) {
        return SyntheticExperiment.descriptor(name, data).seed(7).split("validation: 0.25, seed: 3").layers(LAYERS);
    }

    private Path descriptor(String name, String trainingSection) throws Exception {
        return experiment(name).append(trainingSection).writeTo(dir);
    }

    private Store store() {
        return new Store(dir.resolve("results/djx.db"));
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
        Path file = experiment("diverge").optimizer("sgd", "1.0e30").training("batch_size: 25, epochs: 3").writeTo(dir);
        int status = Main.execute("run", file.toString(), "--store", store().toString(), "--quiet");
        assertEquals(1, status);
        assertEquals("failed", query("SELECT status FROM runs WHERE id = 1"));
        String error = query("SELECT error FROM runs WHERE id = 1");
        assertTrue(error.startsWith("training diverged: the loss became"), error);
        assertEquals("0", query("SELECT epochs FROM runs WHERE id = 1"), "stopped within the first epoch");
    }

    @Test
    void stepsEvaluateEveryNStepsAndTheTestPartAtTheEnd() throws Exception {
        Path file = experiment("steps").split("validation: 0.25, seed: 3, from: train")
                .training("batch_size: 30, steps: 25, eval_every: 10").writeTo(dir);
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
        for (List<Object> row : store().rows("SELECT name, path FROM artifacts WHERE run_id = 1")) {
            artifacts.put((String) row.get(0), (String) row.get(1));
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
        CliOutput predicted = CliOutput.run("predict", "1", png.toString(), data.resolve("t10k-images-idx3-ubyte").toString(),
                "--limit", "2", "--store", store().toString());
        assertEquals(0, predicted.status(), predicted.out());
        String[] lines = predicted.out().trim().split("\n");
        assertEquals(3, lines.length, predicted.out());
        assertTrue(lines[0].startsWith(png + ": 2  (2 "), lines[0]);
        assertTrue(lines[1].startsWith("t10k-images-idx3-ubyte[0]: "), lines[1]);

        CliOutput evaluated = CliOutput.run("evaluate", "1", "--store", store().toString());
        assertEquals(0, evaluated.status());
        assertTrue(evaluated.out().contains("on 125 validation images: loss "), evaluated.out());

        // Another dataset must fit the trained model: other image sizes, or more classes than outputs, are refused plainly.
        Path small = dir.resolve("small");
        IdxWriter.write(small, "train", new byte[10][14 * 14], 14, 14, new int[10], false);
        CliOutput wrongSize = CliOutput.run("evaluate", "1", "--dataset", "type=idx", "--dataset", "path=" + small,
                "--part", "validation", "--store", store().toString());
        assertEquals(2, wrongSize.status(), wrongSize.err());
        assertTrue(wrongSize.err().contains("takes examples of shape (1, 28, 28) but dataset 'idx' has examples of shape (1, 14, 14)"),
                wrongSize.err());
        Path many = dir.resolve("many");
        IdxWriter.writeSynthetic(many, 40, 0, 8, 5, false);
        CliOutput moreClasses = CliOutput.run("evaluate", "1", "--dataset", "type=idx", "--dataset", "path=" + many,
                "--part", "validation", "--store", store().toString());
        assertEquals(2, moreClasses.status(), moreClasses.err());
        assertTrue(moreClasses.err().contains("ends with output shape (4) but dataset 'idx' has "), moreClasses.err());
    }

    @Test
    void aSignalledRunIsInterruptedAndResumesToCompletion() throws Exception {
        Path file = descriptor("resume", "training: {batch_size: 10, epochs: 4}\n");
        Process child = SyntheticExperiment.djxProcess("run", file.toString(), "--store", store().toString(), "--quiet")
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
        assertEquals(2, withErr("run 1 was trained from a different descriptor",
                "run", changed.toString(), "--resume", "1", "--store", store().toString()));

        assertEquals(0, Main.execute("run", "--resume", "1", "--store", store().toString(), "--quiet"));
        assertEquals("completed", query("SELECT status FROM runs WHERE id = 1"));
        assertEquals("4", query("SELECT epochs FROM runs WHERE id = 1"));
        assertEquals("1", query("SELECT count(*) FROM runs"));
        assertEquals("4", query("SELECT count(*) FROM metrics WHERE run_id = 1 AND name = 'train_loss'"));
        // A resumed run starts from the checkpoint, not from fresh weights (which would repeat epoch 1).
        assertNotEquals(query("SELECT value FROM metrics WHERE name = 'train_loss' AND epoch = 1"),
                query("SELECT value FROM metrics WHERE name = 'train_loss' AND epoch = " + (done + 1)));

        assertEquals(2, withErr("run 1 is completed; only an interrupted or failed run can be resumed",
                "run", "--resume", "1", "--store", store().toString()));
    }

    /** Runs the CLI and checks that stderr says {@code expected}, without a stack trace; returns the exit status. */
    private static int withErr(String expected, String... args) {
        CliOutput result = CliOutput.run(args);
        assertTrue(result.err().contains(expected), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
        return result.status();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }

    private int epochsOfRun1() {
        String epochs = store().poll("SELECT epochs FROM runs WHERE id = 1");
        return epochs == null ? 0 : Integer.parseInt(epochs);
    }

    private Map<String, Double> learningMetrics(long runId) throws SQLException {
        Map<String, Double> metrics = new TreeMap<>();
        for (List<Object> row : store().rows("SELECT epoch, name, value FROM metrics WHERE run_id = " + runId
                + " AND name NOT IN ('epoch_seconds', 'images_per_second')")) {
            metrics.put(row.get(0) + "/" + row.get(1), ((Number) row.get(2)).doubleValue());
        }
        return metrics;
    }

    private String query(String sql) throws SQLException {
        return store().query(sql);
    }
}
