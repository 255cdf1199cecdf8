package org.djx.store;

/**
 * One metric of one run, summed up over its epochs.
 *
 * @param last the value at the last stored epoch (NaN when not a number)
 * @param min the smallest value
 * @param max the largest value
 */
public record MetricSummary(double last, double min, double max) {}
