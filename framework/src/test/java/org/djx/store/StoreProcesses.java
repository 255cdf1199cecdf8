package org.djx.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link StoreWriterMain} in separate JVMs and reads stores back over plain JDBC. */
final class StoreProcesses {

    private StoreProcesses() {}

    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StoreWriterMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for the process and returns everything it printed. */
    static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes());
    }

    /** Reads the first line (e.g. {@code RUN 1}) without waiting for the process to end. */
    static String firstLine(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
    }

    static long scalar(Path store, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    static String text(Path store, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.getString(1);
        }
    }
}
