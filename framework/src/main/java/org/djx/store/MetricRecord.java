package org.djx.store;

/** One metric value of one epoch of a run. */
public record MetricRecord(long runId, int epoch, String name, double value) {}
