package org.djx.bench;

/**
 * One measured pass: {@code steps} training steps, then as many inference batches.
 *
 * @param trainNanos from the end of the previous pass to the end of the last training step
 * @param stepNanos each training step's duration, in order
 * @param inferenceNanos from the end of the last training step to the end of the inference batches
 */
record PassTiming(long trainNanos, long[] stepNanos, long inferenceNanos) {

    /** Durations between consecutive time stamps, the first measured from {@code start}. */
    static long[] gaps(long start, long[] stamps) {
        long[] gaps = new long[stamps.length];
        long previous = start;
        for (int i = 0; i < stamps.length; i++) {
            gaps[i] = stamps[i] - previous;
            previous = stamps[i];
        }
        return gaps;
    }
}
