package org.djx.store;

/** Where a run is in its life: queued -> running -> completed | failed | pruned | interrupted. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    PRUNED,
    INTERRUPTED;

    /** The lower-case word stored in the database and shown to users. */
    public String label() {
        return name().toLowerCase();
    }

    public static RunStatus fromLabel(String label) {
        return valueOf(label.toUpperCase());
    }

    /** Whether the run has ended (it will never change again). */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
