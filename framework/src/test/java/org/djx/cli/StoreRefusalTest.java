package org.djx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.djx.store.NewRun;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stores djx must not touch: one clear message, exit 2, the file byte for byte as it was. */
class StoreRefusalTest {

    @TempDir
    Path dir;

    private Path storeWithOneRun(String name) {
        Path file = dir.resolve(name);
        try (SqliteResultStore s = SqliteResultStore.open(file)) {
            long id = s.startRun(new NewRun("e", "h", "{}", "f.yaml", Map.of("lr", 0.1), Map.of()));
            s.recordEpoch(id, 1, Map.of("validate_accuracy", 0.5));
            s.finishRun(id, RunStatus.COMPLETED, null);
        }
        return file;
    }

    private static void assertRefused(Path store, String expected, String... command) throws Exception {
        byte[] before = Files.readAllBytes(store);
        List<String> siblingsBefore = siblings(store);
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--store", store.toString()))
                .toArray(String[]::new);
        Cli result = Cli.run(args);
        assertEquals(2, result.status(), result.err());
        assertEquals(1, result.err().lines().count(), "one message: " + result.err());
        assertTrue(result.err().startsWith("djx: ") && result.err().contains(expected), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertArrayEquals(before, Files.readAllBytes(store), "the store file changed");
        assertEquals(siblingsBefore, siblings(store), "files appeared or vanished next to the store");
    }

    private static List<String> siblings(Path store) throws Exception {
        try (var files = Files.list(store.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs", "show", "report", "backup"})
    void readOnlyFile(String command) throws Exception {
        Path store = storeWithOneRun("ro.db");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("r--r--r--"));
        String[] args = switch (command) {
            case "show" -> new String[] {"show", "1"};
            case "report" -> new String[] {"report", "--out", dir.resolve("r.html").toString()};
            case "backup" -> new String[] {"store", "backup", dir.resolve("b.db").toString()};
            default -> new String[] {command};
        };
        assertRefused(store, "is read-only", args);
    }

    @Test
    void readOnlyDirectory() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("locked"));
        Path store = storeWithOneRun("locked/s.db");
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertRefused(store, "read-only directory", "runs");
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void corruptFile() throws Exception {
        Path store = dir.resolve("corrupt.db");
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(store, garbage);
        assertRefused(store, "not a readable SQLite database", "runs");
    }

    @Test
    void truncatedDjxStore() throws Exception {
        Path good = storeWithOneRun("good.db");
        byte[] bytes = Files.readAllBytes(good);
        Path store = dir.resolve("cut.db");
        byte[] header = java.util.Arrays.copyOf(bytes, 100); // the header promises pages that are not there
        byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        Files.write(store, half.length > 100 ? half : header);
        // Half a store: SQLite may still read what is there, or refuse; either way one message and no change.
        byte[] before = Files.readAllBytes(store);
        Cli result = Cli.run("runs", "--store", store.toString());
        assertTrue(result.status() == 0 || result.status() == 2 && result.err().lines().count() == 1, result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        if (result.status() == 2) {
            assertArrayEquals(before, Files.readAllBytes(store));
        }
    }

    @Test
    void newerSchemaVersion() throws Exception {
        Path store = storeWithOneRun("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 999");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        assertRefused(store, "written by a newer djx (schema version 999", "runs");
    }

    @Test
    void anotherApplicationsDatabase() throws Exception {
        Path store = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INTEGER)");
        }
        assertRefused(store, "not a djx one", "runs");
    }
}
