package org.djx.store.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.store.NewRun;
import org.djx.store.RunFilter;
import org.djx.store.RunRecord;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhereTest {

    @TempDir
    Path dir;

    SqliteResultStore store;

    /** Runs 1..4: lr 0.1, 0.01, 0.001, 0.0001; sgd, adam, sgd, adam; run 4 failed; accuracy curves differ. */
    @BeforeEach
    void fourRuns() {
        store = SqliteResultStore.open(dir.resolve("w.db"));
        double[] lrs = {0.1, 0.01, 0.001, 0.0001};
        for (int i = 0; i < 4; i++) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("optimizer.learning_rate", lrs[i]);
            params.put("optimizer.type", i % 2 == 0 ? "sgd" : "adam");
            params.put("training.batch_size", 32 * (i + 1));
            params.put("model.layers[0].type", "conv2d");
            long id = store.startRun(new NewRun(i < 3 ? "seed-cnn" : "other", "h", "{}", "f.yaml", params, Map.of()));
            // accuracy peaks at epoch 2 then drops: final != best
            store.recordEpoch(id, 1, Map.of("validate_accuracy", 0.5 + i * 0.1, "validate_loss", 1.0 - i * 0.1));
            store.recordEpoch(id, 2, Map.of("validate_accuracy", 0.9 - i * 0.1, "validate_loss", 0.5));
            store.recordEpoch(id, 3, Map.of("validate_accuracy", 0.6, "validate_loss", 0.7));
            store.finishRun(id, i == 3 ? RunStatus.FAILED : RunStatus.COMPLETED, null);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Long> ids(String where) {
        return store.runs(new RunFilter(null, null, null, Where.parse(where), Sort.parse("id"), 0)).stream().map(RunRecord::id).toList();
    }

    @Test
    void numbersCompareNumerically() {
        assertEquals(List.of(3L, 4L), ids("params.optimizer.learning_rate < 0.01"));
        assertEquals(List.of(2L, 3L, 4L), ids("params.optimizer.learning_rate <= 1e-2"));
        assertEquals(List.of(3L, 4L), ids("params.training.batch_size >= 96"));
    }

    @Test
    void orAndNotAndParentheses() {
        assertEquals(List.of(1L, 4L), ids("params.optimizer.learning_rate > 0.05 or status = failed"));
        assertEquals(List.of(2L, 3L), ids("not (params.optimizer.learning_rate > 0.05 or status = failed)"));
        assertEquals(List.of(2L), ids("params.optimizer.type = adam AND NOT status = 'failed'"));
        assertEquals(List.of(1L, 2L, 3L), ids("experiment = seed-cnn and (status in (completed, pruned))"));
    }

    @Test
    void finalAndBestMetrics() {
        // final accuracy is 0.6 for all; best is epoch 2's for runs 1-2 (0.9, 0.8) and epoch 1's for run 4 (0.8)
        assertEquals(List.of(), ids("metrics.validate_accuracy > 0.7"));
        assertEquals(List.of(1L, 2L, 4L), ids("metrics.validate_accuracy.best >= 0.8"));
        // loss-like: best is the minimum
        assertEquals(List.of(1L, 2L, 3L, 4L), ids("metrics.validate_loss.best <= 0.5"));
        assertEquals(List.of(), ids("metrics.no_such_metric > 0"));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids("not metrics.no_such_metric > 0"));
    }

    @Test
    void textLikeInAndBracketedKeys() {
        assertEquals(List.of(1L, 2L, 3L), ids("experiment like 'seed%'"));
        assertEquals(List.of(4L), ids("experiment not like 'seed%'"));
        assertEquals(List.of(1L, 3L), ids("params.optimizer.type in ('sgd', \"momentum\")"));
        assertEquals(List.of(2L, 4L), ids("params.optimizer.type not in (sgd)"));
        assertEquals(List.of(1L, 2L, 3L, 4L), ids("params.model.layers[0].type = conv2d"));
        assertEquals(List.of(4L), ids("id > 3 and started > '2000-01-01' and duration >= 0 and epochs = 3"));
    }

    @Test
    void userTextNeverReachesTheSql() {
        Where w = Where.parse("params.x = 'a''); DROP TABLE runs; --' or experiment like '%'");
        assertFalse(w.sql().contains("DROP"));
        assertFalse(w.sql().contains("params.x"));
        assertEquals(4, ids(w.text()).size());
        assertEquals(4, store.runs(org.djx.store.RunFilter.all()).size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "params.optimizer.learning_rate <           | 33 | expected a value after '<'",
        "foo = 1                                    | 1  | unknown field 'foo'",
        "(status = completed                        | 20 | expected ')'",
        "status = done                              | 10 | unknown status 'done'",
        "status completed                           | 8  | expected an operator",
        "metrics.validate_accuracy > high           | 29 | is a number",
        "status = completed and                     | 23 | expected a condition",
        "status = completed or or                   | 23 | expected a field",
        "params.a = 'open                           | 12 | unterminated string",
        "params.a in (1, 2                          | 18 | expected ',' or ')'",
        "params.a = 1 status = failed               | 14 | expected 'and', 'or' or the end",
        "started > yesterday                        | 11 | started compares with a date",
        "params.a ! 1                               | 10 | '!' must be followed by '='",
        "params.a = 1x                              | 12 | is not a number",
    })
    void errorsNameTheColumn(String expression, int column, String message) {
        WhereException e = assertThrows(WhereException.class, () -> Where.parse(expression.strip()));
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(true, e.getMessage().startsWith("--where: column " + column + ": "), e.getMessage());
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void sortsAndPutsMissingLast() {
        List<Long> byLr = store.runs(new RunFilter(null, null, null, null, Sort.parse("-params.optimizer.learning_rate"), 0))
                .stream().map(RunRecord::id).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), byLr);
        List<Long> byMissing = store.runs(new RunFilter(null, null, null, null, Sort.parse("params.nope"), 2))
                .stream().map(RunRecord::id).toList();
        assertEquals(2, byMissing.size());
        assertThrows(WhereException.class, () -> Sort.parse("-bogus"));
    }
}
