package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.djx.testing.IdxWriter;

/**
 * A tiny experiment that tests drive through the real CLI: learnable synthetic bar images written
 * as IDX files ({@link IdxWriter}), a descriptor for them built from one template, and the SQLite
 * store a run records in, read back with plain SQL as a user's own tools would.
 */
final class SyntheticExperiment {

    /** How many classes the synthetic data has: a descriptor's last dense layer has this many units. */
    static final int CLASSES = 4;

    /** A small CNN that learns the bars within an epoch or two. */
    static final List<String> SMALL_CNN = List.of(
            "{type: conv2d, filters: 4, kernel: 5, padding: same}",
            "{type: relu}",
            "{type: maxpool2d, size: 2}",
            "{type: flatten}",
            "{type: dense, units: 4}");

    private SyntheticExperiment() {}

    /** Writes {@code train} training and {@code test} test images ({@code train-*} and {@code t10k-*}) into {@code dir}. */
    static Path writeData(Path dir, int train, int test, long seed, boolean gzip) throws IOException {
        IdxWriter.writeSynthetic(dir, train, test, CLASSES, seed, gzip);
        return dir;
    }

    /** A descriptor named {@code name} for the data in {@code data}: seed 1, 20% validation, {@link #SMALL_CNN}, Adam 0.01. */
    static Descriptor descriptor(String name, Path data) {
        return new Descriptor(name, data);
    }

    /** {@code djx ARGS} in a JVM of its own, for tests that signal or kill it. */
    static ProcessBuilder djxProcess(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.djx.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** A descriptor file, one setting a line as a user writes it (tests quote its line numbers). */
    static final class Descriptor {
        private final String name;
        private final Path data;
        private long seed = 1;
        private String split = "validation: 0.2";
        private List<String> layers = SMALL_CNN;
        private String optimizer = "{type: adam, learning_rate: 0.01}";
        private String training;
        private String extra = "";

        private Descriptor(String name, Path data) {
            this.name = name;
            this.data = data;
        }

        Descriptor seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** What goes inside {@code dataset.split: {...}}. */
        Descriptor split(String split) {
            this.split = split;
            return this;
        }

        /** {@code model.layers}, each a flow mapping such as {@code {type: flatten}}. */
        Descriptor layers(List<String> layers) {
            this.layers = layers;
            return this;
        }

        Descriptor optimizer(String type, String learningRate) {
            this.optimizer = "{type: " + type + ", learning_rate: " + learningRate + "}";
            return this;
        }

        /** What goes inside {@code training: {...}}; without it the descriptor has no training line. */
        Descriptor training(String settings) {
            this.training = settings;
            return this;
        }

        /** YAML appended at the end: a block-style {@code training:} section, a {@code sweep:} section. */
        Descriptor append(String yaml) {
            this.extra += yaml;
            return this;
        }

        String yaml() {
            StringBuilder yaml = new StringBuilder()
                    .append("name: ").append(name).append('\n')
                    .append("seed: ").append(seed).append('\n')
                    .append("device: cpu\n")
                    .append("dataset: {type: idx, path: ").append(data).append(", split: {").append(split).append("}}\n")
                    .append("model:\n")
                    .append("  input: [1, 28, 28]\n")
                    .append("  layers:\n");
            layers.forEach(layer -> yaml.append("    - ").append(layer).append('\n'));
            yaml.append("optimizer: ").append(optimizer).append('\n');
            if (training != null) {
                yaml.append("training: {").append(training).append("}\n");
            }
            return yaml.append(extra).toString();
        }

        /** Writes {@code NAME.yaml} into {@code dir}. */
        Path writeTo(Path dir) throws IOException {
            return Files.writeString(dir.resolve(name + ".yaml"), yaml());
        }
    }

    /** The SQLite store a run records in. */
    record Store(Path path) {

        /** The path, as {@code --store} takes it. */
        @Override
        public String toString() {
            return path.toString();
        }

        /** The first column of the first row; fails the test when there is no row or the value is NULL. */
        String query(String sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertTrue(rs.next(), sql);
                String value = rs.getString(1);
                assertNotNull(value, sql);
                return value;
            }
        }

        /**
         * The first column of the first row, or {@code null} while there is no store, table or row yet
         * (a run in another process is starting, or holds the database).
         */
        String poll(String sql) {
            if (!Files.exists(path)) {
                return null; // connecting would create it
            }
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            } catch (SQLException notYet) {
                return null;
            }
        }

        /** Every row, each column as JDBC's {@code getObject} reads it (a REAL keeps all its digits). */
        List<List<Object>> rows(String sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + path);
        }
    }
}
