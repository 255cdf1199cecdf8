package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.cli.Main;
import org.djx.it.SyntheticExperiment.Store;
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
        Path data = SyntheticExperiment.writeData(dir.resolve("data"), 600, 0, 7, true);
        Path descriptor = SyntheticExperiment.descriptor("bars", data).training("batch_size: 32, epochs: 3").writeTo(dir);
        Store store = new Store(dir.resolve("results/djx.db"));

        int status = Main.execute("run", descriptor.toString(), "--store", store.toString(), "--quiet");

        assertEquals(0, status);
        assertEquals("completed", store.query("SELECT status FROM runs"));
        assertEquals("3", store.query("SELECT epochs FROM runs"));
        assertEquals(0.01, Double.parseDouble(store.query("SELECT value_num FROM params WHERE key = 'optimizer.learning_rate'")), 1e-12);
        assertEquals("conv2d", store.query("SELECT value_text FROM params WHERE key = 'model.layers[0].type'"));
        List<Object> counts = store.rows("SELECT count(DISTINCT epoch), count(DISTINCT name) FROM metrics WHERE name IN"
                + " ('train_loss','train_accuracy','validate_loss','validate_accuracy','epoch_seconds','images_per_second')").get(0);
        assertEquals(3, ((Number) counts.get(0)).intValue());
        assertEquals(6, ((Number) counts.get(1)).intValue());
        double accuracy = Double.parseDouble(store.query("SELECT value FROM metrics WHERE name = 'validate_accuracy' AND epoch = 3"));
        assertTrue(accuracy > 0.6, "validation accuracy " + accuracy + " should be well above chance (0.25)");
    }

    @Test
    void missingDatasetDirectoryIsOneClearErrorAndNoRun() throws Exception {
        Path descriptor = dir.resolve("missing.yaml");
        Files.writeString(descriptor, """
                dataset: {type: idx, path: %s}
                model: {layers: [{type: flatten}, {type: dense, units: 10}]}
                """.formatted(dir.resolve("nowhere")));
        Store store = new Store(dir.resolve("results/djx.db"));

        CliOutput result = CliOutput.run("run", descriptor.toString(), "--store", store.toString());

        assertEquals(2, result.status());
        String message = result.err();
        assertTrue(message.contains("does not exist") && message.contains("nowhere"), message);
        assertTrue(!message.contains("\tat "), "no stack trace: " + message);
        assertTrue(!Files.exists(store.path()) || store.query("SELECT count(*) FROM runs").equals("0"), "no run row is left behind");
    }

    /** Runs the CLI and appends what it printed on stderr to {@code err}; returns the exit status. */
    static int runCapturingErr(ByteArrayOutputStream err, String... args) {
        CliOutput result = CliOutput.run(args);
        err.writeBytes(result.err().getBytes(StandardCharsets.UTF_8));
        return result.status();
    }
}
