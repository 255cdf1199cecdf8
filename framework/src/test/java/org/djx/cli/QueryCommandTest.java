package org.djx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.djx.store.NewRun;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code djx query}: reads anything, writes nothing. */
class QueryCommandTest {

    @TempDir
    Path dir;

    Path store;

    @BeforeEach
    void oneRun() {
        store = dir.resolve("q.db");
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            long id = s.startRun(new NewRun("e", "h", "{}", "f.yaml", Map.of("optimizer.learning_rate", 0.01, "optimizer.type", "adam"), Map.of()));
            s.recordEpoch(id, 1, Map.of("validate_accuracy", 0.5, "validate_loss", 0.9));
            s.recordEpoch(id, 2, Map.of("validate_accuracy", 0.7, "validate_loss", 0.6));
            s.finishRun(id, RunStatus.COMPLETED, null);
        }
    }

    private String fingerprint() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM runs) || '/' || (SELECT count(*) FROM metrics) || '/'"
                        + " || (SELECT count(*) FROM sqlite_master) || '/' || (SELECT status FROM runs WHERE id = 1)"
                        + " || '/' || (SELECT user_version FROM pragma_user_version) || '/' || (SELECT journal_mode FROM pragma_journal_mode)")) {
            return rs.getString(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM runs",
        "UPDATE runs SET status = 'failed'",
        "DROP TABLE metrics",
        "DROP VIEW run_summary",
        "INSERT INTO experiments(name, created_at) VALUES ('x', 'y')",
        "ATTACH DATABASE '/tmp/x.db' AS x",
        "PRAGMA user_version = 7",
        "PRAGMA journal_mode = DELETE",
        "VACUUM",
        "SELECT 1; DELETE FROM runs",
        "SELECT 1; SELECT 2",
        "select * from runs;\n-- harmless comment\n; drop table runs",
        "WITH doomed AS (SELECT id FROM runs) DELETE FROM runs WHERE id IN (SELECT id FROM doomed)",
        "WITH x AS (SELECT 1) UPDATE runs SET status = 'failed'",
        "CREATE TABLE t(x)",
    })
    void writesAreRefusedAndNothingChanges(String sql) throws Exception {
        String before = fingerprint();
        Cli result = Cli.run("query", sql, "--store", store.toString());
        assertEquals(2, result.status(), result.out() + result.err());
        assertTrue(result.err().startsWith("djx: query"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertEquals(before, fingerprint());
    }

    @Test
    void readsTheDocumentedViews() {
        Cli summary = Cli.run("query", "SELECT run_id, final_validate_accuracy, best_validate_loss FROM run_summary", "--store",
                store.toString(), "--format", "csv");
        assertEquals(0, summary.status(), summary.err());
        assertEquals("run_id,final_validate_accuracy,best_validate_loss\n1,0.7,0.6\n", summary.out());

        Cli wide = Cli.run("query", "SELECT learning_rate, optimizer FROM params_wide; ", "--store", store.toString(), "--format", "csv");
        assertEquals("learning_rate,optimizer\n0.01,adam\n", wide.out(), wide.err());

        Cli json = Cli.run("query", "SELECT json_extract(params, '$.\"optimizer.type\"') AS t FROM run_params -- ; not a 2nd statement",
                "--store", store.toString(), "--format", "csv");
        assertEquals("t\nadam\n", json.out(), json.err());

        Cli epochs = Cli.run("query", "WITH e AS (SELECT * FROM epochs_wide) SELECT epoch, validate_accuracy FROM e ORDER BY epoch",
                "--store", store.toString(), "--format", "csv");
        assertEquals("epoch,validate_accuracy\n1,0.5\n2,0.7\n", epochs.out(), epochs.err());
    }

    @Test
    void badSqlIsOneMessage() {
        Cli result = Cli.run("query", "SELECT nope FROM runs", "--store", store.toString());
        assertEquals(2, result.status());
        assertTrue(result.err().contains("no such column"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }
}
