package org.djx.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.djx.store.ResultStore;

/**
 * Adds up the time a run spends in the results store: a {@link ResultStore} proxy that times
 * every call on its way to the real store. A proxy rather than a hand-written decorator, so that
 * methods added to the interface later pass straight through.
 */
public final class StoreTimer {

    private static final Set<String> READS = Set.of("run", "runs", "params", "metrics", "close", "toString", "hashCode", "equals");

    private final AtomicLong epochNanos = new AtomicLong();
    private final AtomicLong epochCalls = new AtomicLong();
    private final AtomicLong heartbeatNanos = new AtomicLong();
    private final AtomicLong heartbeatCalls = new AtomicLong();
    private final AtomicLong otherWriteNanos = new AtomicLong();

    /** Time in recordEpoch, in heartbeat, and in the run's other writes (start, finish, ...). */
    public record Totals(long epochNanos, long epochCalls, long heartbeatNanos, long heartbeatCalls, long otherWriteNanos) {

        public long writeNanos() {
            return epochNanos + heartbeatNanos + otherWriteNanos;
        }
    }

    Totals totals() {
        return new Totals(epochNanos.get(), epochCalls.get(), heartbeatNanos.get(), heartbeatCalls.get(), otherWriteNanos.get());
    }

    /** {@code store}, timed by this timer. */
    ResultStore wrap(ResultStore store) {
        return (ResultStore) Proxy.newProxyInstance(ResultStore.class.getClassLoader(), new Class<?>[] {ResultStore.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        long nanos = System.nanoTime() - start;
                        switch (method.getName()) {
                            case "recordEpoch" -> {
                                epochNanos.addAndGet(nanos);
                                epochCalls.incrementAndGet();
                            }
                            case "heartbeat" -> {
                                heartbeatNanos.addAndGet(nanos);
                                heartbeatCalls.incrementAndGet();
                            }
                            default -> {
                                if (!READS.contains(method.getName())) {
                                    otherWriteNanos.addAndGet(nanos);
                                }
                            }
                        }
                    }
                });
    }
}
