package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.djx.it.SyntheticExperiment.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code djx run} in its own process, stopped by SIGTERM and by SIGINT (Ctrl-C) mid-training: the
 * run reads {@code interrupted} within two seconds and never {@code completed}.
 */
class RunSignalTest {

    @TempDir
    Path dir;

    @Test
    void sigtermAndCtrlCInterruptTheRun() throws Exception {
        Path data = SyntheticExperiment.writeData(dir.resolve("data"), 400, 0, 7, false);
        Path descriptor = SyntheticExperiment.descriptor("long", data)
                .layers(List.of("{type: flatten}", "{type: dense, units: 4}"))
                .optimizer("sgd", "0.01")
                .training("batch_size: 16, epochs: 100000")
                .writeTo(dir);
        for (String signal : List.of("TERM", "INT")) {
            Store store = new Store(dir.resolve(signal + ".db"));
            Process djx = SyntheticExperiment.djxProcess("run", descriptor.toString(), "--quiet", "--store", store.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(signal + ".log").toFile()).start();
            for (int i = 0; i < 600 && store.poll("SELECT 1 FROM metrics LIMIT 1") == null; i++) {
                Thread.sleep(100); // until it has trained an epoch
            }
            assertEquals("running", store.poll("SELECT status FROM runs"), Files.readString(dir.resolve(signal + ".log")));
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, Long.toString(djx.pid())).start().waitFor();
            String status = "running";
            while (status.equals("running") && System.nanoTime() - t0 < 2_000_000_000L) {
                Thread.sleep(20);
                status = store.poll("SELECT status FROM runs");
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            assertEquals("interrupted", status, "SIG" + signal + " after " + ms + " ms");
            assertTrue(djx.waitFor(30, TimeUnit.SECONDS));
            assertEquals("interrupted", store.poll("SELECT status FROM runs"), "never completed afterwards");
            System.out.printf("[figures] djx run + SIG%s: interrupted after %.0f ms%n", signal, ms);
        }
    }
}
