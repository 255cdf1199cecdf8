/**
 * Benchmarks behind {@code djx bench}: the seed convnet (or any descriptor) trained on synthetic
 * data through djx's real path ({@link org.djx.training.ExperimentRunner} with its listeners and a
 * SQLite store) and through a bare DJL loop on the same engine, block, batches and warm-up, so the
 * ratio between the two is djx's own overhead; and the cost of the results store (writes per run,
 * {@code djx runs} over many stored runs).
 *
 * <p>Nothing here asserts a time: the numbers are printed for a person to compare, ideally on a
 * quiet machine (see {@code bench/README.md}).
 */
package org.djx.bench;
