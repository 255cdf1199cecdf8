package org.djx.training;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.djx.store.ResultStore;
import org.djx.store.RunStatus;

/**
 * Keeps a started run honest: beats its heartbeat while the process lives, marks it
 * {@code interrupted} if the JVM is stopped by a signal (SIGTERM, Ctrl-C), and ends it exactly once.
 * A process killed outright (kill -9) cannot say anything; its stale heartbeat tells the next
 * command instead (see {@link ResultStore#interruptStaleRuns}).
 *
 * <p>A training loop that {@linkplain #cooperate cooperates} is asked to stop at its next batch
 * and given a few seconds to do so, because MXNet crashes a JVM that exits while it computes.
 */
public final class RunGuard implements AutoCloseable {

    /** How often a running run beats. Stale detection waits several beats (see {@code STALE_AFTER}). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** How old a heartbeat must be before the run is taken for dead: six missed beats. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);

    /** How long a signal waits for a cooperating loop to stop before the run is marked interrupted anyway. */
    static final Duration SIGNAL_GRACE = Duration.ofSeconds(10);

    private final ResultStore store;
    private final long runId;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean cooperative;
    private volatile Supplier<String> position = () -> "";
    private final Thread onSignal;
    private final ScheduledExecutorService heartbeat;

    public RunGuard(ResultStore store, long runId) {
        this(store, runId, HEARTBEAT);
    }

    public RunGuard(ResultStore store, long runId, Duration interval) {
        this.store = store;
        this.runId = runId;
        this.onSignal = new Thread(this::signalled, "djx-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "djx-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(runId);
            } catch (RuntimeException ignored) {
                // a busy store skips one beat; the next one will do
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Declares that the caller polls the returned flag between batches and stops when it is set.
     *
     * @param where describes how far the run got, for the interruption message (" after evaluation 3")
     */
    public AtomicBoolean cooperate(Supplier<String> where) {
        this.position = where;
        this.cooperative = true;
        return stopRequested;
    }

    /** The interruption message, with how far the run got. */
    public String interruptedMessage() {
        return "interrupted by a signal" + position.get();
    }

    private void signalled() {
        stopRequested.set(true);
        if (cooperative) {
            try {
                released.await(SIGNAL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
        finish(RunStatus.INTERRUPTED, interruptedMessage());
    }

    /** Ends the run with {@code status} unless it has already ended (e.g. by a signal); returns whether this call ended it. */
    public boolean finish(RunStatus status, String error) {
        if (ended.compareAndSet(false, true)) {
            store.finishRun(runId, status, error);
            return true;
        }
        return false;
    }

    /** Stops the heartbeat and the signal hook (letting a waiting signal go on); does not end the run. */
    @Override
    public void close() {
        released.countDown();
        heartbeat.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and records the interruption
        }
    }
}
