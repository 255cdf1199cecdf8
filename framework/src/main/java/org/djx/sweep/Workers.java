package org.djx.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.djx.store.RunStatus;
import org.djx.store.SweepStore;
import org.djx.store.TrialRecord;

/**
 * Names workers and finds the dead ones. A worker is {@code host:pid} (with {@code #n} for the
 * n-th worker of one process); a trial is declared abandoned when its worker ran on this host and
 * that process is gone, or when its heartbeat is older than {@link #STALE_AFTER}.
 */
public final class Workers {

    /** How often a worker refreshes the heartbeat of the trial it runs. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A trial whose heartbeat is older than this is taken from its worker. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(90);

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String HOST = host();

    private Workers() {}

    /** A new worker name, unique across processes and within this one. */
    static String newName() {
        int n = COUNT.incrementAndGet();
        return HOST + ":" + ProcessHandle.current().pid() + (n == 1 ? "" : "#" + n);
    }

    /** Whether {@code worker} ran on this host in a process that no longer exists. */
    static boolean isDeadHere(String worker) {
        if (worker == null) {
            return true;
        }
        int colon = worker.lastIndexOf(':');
        if (colon < 0 || !worker.substring(0, colon).equals(HOST)) {
            return false;
        }
        String pidText = worker.substring(colon + 1);
        int hash = pidText.indexOf('#');
        try {
            long pid = Long.parseLong(hash < 0 ? pidText : pidText.substring(0, hash));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Takes running trials away from dead workers (their trial and run become interrupted), then
     * queues again the trials in {@code retry} that have a retry left. Returns how many were queued.
     */
    public static int recover(SweepStore store, long sweepId, int maxRetries, Set<RunStatus> retry) {
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        for (TrialRecord t : store.trials(sweepId)) {
            if (t.status() != RunStatus.RUNNING) {
                continue;
            }
            if (isDeadHere(t.worker())) {
                store.interruptTrial(sweepId, t.number(), t.worker(), "worker " + t.worker() + " died");
            } else if (t.heartbeatAt() != null && t.heartbeatAt().isBefore(staleBefore)) {
                store.interruptTrial(sweepId, t.number(), t.worker(), "worker " + t.worker()
                        + " stopped sending heartbeats (last at " + t.heartbeatAt() + ")");
            }
        }
        return store.requeueForRetry(sweepId, maxRetries, retry);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
