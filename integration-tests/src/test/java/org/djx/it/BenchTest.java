package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.djx.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * {@code djx bench} end to end on the real seed convnet descriptor, cut to a few small steps: every
 * figure is there and positive. Nothing here judges a speed.
 */
class BenchTest {

    private static final Path SEED_CNN = Path.of("..", "experiments", "seed-cnn.yaml");

    @Test
    void trainingBenchReportsEveryFigureForDjxAndTheBareLoop() throws Exception {
        String out = stdout("bench", SEED_CNN.toString(), "--batch-size", "16", "--steps", "3", "--warmup", "1", "--repeats", "1",
                "--format", "json");

        JsonNode result = new ObjectMapper().readTree(out);
        assertEquals("MXNet", result.get("engine").asText());
        assertEquals(16, result.get("batch_size").asInt());
        assertEquals(3, result.get("warmup_steps").asInt(), "one step of warm-up rounds up to one whole pass");
        for (String path : List.of("djx", "bare")) {
            for (String field : List.of("train_images_per_second", "inference_images_per_second", "step_ms_median", "step_ms_p90",
                    "peak_heap_mib", "peak_rss_mib")) {
                positive(result.get(path).get(field), path + "." + field);
            }
        }
        positive(result.get("djx").get("startup_seconds"), "djx.startup_seconds");
        assertTrue(result.get("bare").get("startup_seconds").isNull(), "start-up is measured on djx's path only");
        positive(result.get("djx_recorded_images_per_second"), "djx_recorded_images_per_second");
        positive(result.get("ratio_train"), "ratio_train");
        positive(result.get("ratio_inference"), "ratio_inference");
        JsonNode writes = result.get("store_writes");
        assertEquals(2, writes.get("record_epoch_calls").asInt(), "one recordEpoch per epoch: warm-up and measured");
        positive(writes.get("record_epoch_ms"), "store_writes.record_epoch_ms");
        positive(writes.get("fraction"), "store_writes.fraction");
    }

    @Test
    void storeOverheadWritesRunsAndTimesTheListing() throws Exception {
        String out = stdout("bench", SEED_CNN.toString(), "--store-overhead", "--runs", "30", "--epochs-per-run", "3", "--format", "json");

        JsonNode result = new ObjectMapper().readTree(out);
        assertEquals(30, result.get("runs").asInt());
        assertTrue(result.get("params_per_run").asInt() > 20, "the seed convnet's flattened params are stored");
        positive(result.get("record_epoch_ms"), "record_epoch_ms");
        positive(result.get("heartbeat_ms"), "heartbeat_ms");
        positive(result.get("listing_seconds").get("runs"), "listing 'runs'");
        positive(result.get("listing_seconds").get("runs --limit 0"), "listing 'runs --limit 0'");
        double oneSecond = result.get("write_fraction").get("epoch_1s").asDouble();
        double minute = result.get("write_fraction").get("epoch_60s").asDouble();
        assertTrue(oneSecond > minute && minute > 0, "longer epochs dilute the writes: " + oneSecond + " vs " + minute);
    }

    @Test
    void badCountsAreAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true));
        try {
            assertEquals(2, Main.execute("bench", SEED_CNN.toString(), "--steps", "0"));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString().contains("--steps"), err.toString());
    }

    private static void positive(JsonNode value, String name) {
        assertTrue(value != null && value.isNumber() && value.asDouble() > 0, name + " should be a positive number, was " + value);
    }

    private static String stdout(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.execute(args);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, status, "djx " + String.join(" ", args));
        return out.toString(StandardCharsets.UTF_8);
    }
}
