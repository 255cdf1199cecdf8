package org.djx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.djx.store.NewRun;
import org.djx.store.NewSweep;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in results/queries/ runs through {@code djx query} on a small store and returns rows. */
class ExampleQueriesTest {

    @TempDir
    static Path dir;

    static Stream<Path> queries() throws Exception {
        Path folder = Path.of("..", "results", "queries");
        try (var files = Files.list(folder)) {
            List<Path> sql = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            assertFalse(sql.isEmpty());
            return sql.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void runsAndFindsRows(Path query) {
        Path store = dir.resolve("examples.db");
        if (!Files.exists(store)) {
            try (SqliteResultStore s = SqliteResultStore.open(store)) {
                long sweep = s.createSweep(new NewSweep("cnn", "h", "{}", "f.yaml", List.of(), "grid", "validate_accuracy", true, 0,
                        List.of(Map.of(), Map.of(), Map.of())));
                for (int i = 0; i < 3; i++) {
                    long id = s.startRun(new NewRun("cnn", "h", "{}", "f.yaml", Map.of("optimizer.type", i == 0 ? "sgd" : "adam",
                            "optimizer.learning_rate", 0.1 / Math.pow(10, i), "model.layers[0].filters", 32, "training.batch_size", 100),
                            Map.of(), sweep, i));
                    s.recordEpoch(id, 1, Map.of("train_loss", 1.0, "validate_loss", 1.1, "validate_accuracy", 0.6 + i / 10.0, "epoch_seconds", 2.0));
                    if (i < 2) {
                        s.finishRun(id, i == 0 ? RunStatus.FAILED : RunStatus.COMPLETED, i == 0 ? "diverged" : null);
                    }
                }
            }
        }
        Cli result = Cli.run("query", "--file", query.toString(), "--store", store.toString(), "--format", "csv");
        assertEquals(0, result.status(), query + ": " + result.err());
        long rows = result.out().lines().count() - 1;
        assertEquals(true, rows >= 1, query + " returned no rows:\n" + result.out());
    }
}
