package org.djx.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.djx.cli.Main;

/** One run of the real CLI with what it printed: how a user sees djx. */
record CliOutput(int status, String out, String err) {

    static CliOutput run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.execute(args);
            return new CliOutput(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Whether anything printed looks like a Java stack trace or an exception's class name. */
    boolean hasStackTrace() {
        String all = out + err;
        return all.contains("\tat ") || all.contains("Exception") || all.contains("internal error");
    }
}
