package org.djx.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.training.RunGuard;

/**
 * A separate process that writes to a store, for the reliability tests. Modes:
 * <ul>
 *   <li>{@code write STORE RUNS EPOCHS TAG}: RUNS complete runs of EPOCHS epochs each;</li>
 *   <li>{@code hang STORE HEARTBEAT_MS}: starts one guarded run (heartbeat and signal hook as
 *       {@code djx run} has), prints {@code RUN id}, then writes 40-metric epochs until killed;</li>
 *   <li>{@code open STORE}: opens the store (migrating it if new), writes one run, prints {@code ok}.</li>
 * </ul>
 */
public final class StoreWriterMain {

    private StoreWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "write" -> write(file, Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            case "hang" -> hang(file, Long.parseLong(args[2]));
            case "open" -> {
                try (SqliteResultStore store = SqliteResultStore.open(file)) {
                    long id = store.startRun(newRun("open", 0));
                    store.finishRun(id, RunStatus.COMPLETED, null);
                }
                System.out.println("ok");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static NewRun newRun(String tag, int i) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("optimizer.learning_rate", 0.001 * (i + 1));
        params.put("optimizer.type", i % 2 == 0 ? "sgd" : "adam");
        params.put("tag", tag);
        return new NewRun("reliability-" + tag, "hash-" + i, "{}", "none.yaml", params, Map.of("pid", Long.toString(ProcessHandle.current().pid())));
    }

    private static void write(Path file, int runs, int epochs, String tag) {
        try (SqliteResultStore store = SqliteResultStore.open(file)) {
            for (int i = 0; i < runs; i++) {
                long id = store.startRun(newRun(tag, i));
                for (int e = 1; e <= epochs; e++) {
                    store.recordEpoch(id, e, Map.of("train_loss", 1.0 / e, "validate_loss", 1.1 / e, "validate_accuracy", 1 - 1.0 / (e + 1)));
                }
                store.finishRun(id, RunStatus.COMPLETED, null);
            }
        }
        System.out.println("done");
    }

    private static void hang(Path file, long heartbeatMs) throws InterruptedException {
        SqliteResultStore store = SqliteResultStore.open(file);
        long id = store.startRun(newRun("hang", 0));
        RunGuard guard = new RunGuard(store, id, Duration.ofMillis(heartbeatMs));
        System.out.println("RUN " + id);
        System.out.flush();
        for (int e = 1; ; e++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int m = 0; m < 40; m++) {
                metrics.put("m" + m, (double) e);
            }
            store.recordEpoch(id, e, metrics);
            Thread.sleep(5);
            if (e == Integer.MAX_VALUE) {
                guard.finish(RunStatus.COMPLETED, null); // never reached: the test kills this process
            }
        }
    }
}
