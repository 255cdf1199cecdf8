/**
 * Hyperparameter sweeps: a descriptor's {@code sweep:} section ({@link org.djx.descriptor.SweepSection})
 * becomes a list of trials ({@link org.djx.sweep.SearchSpace}: every grid combination, or seeded
 * random samples), each "the base descriptor plus one {@code --set} per swept parameter", stored
 * as queued trials of a sweep ({@link org.djx.sweep.SweepSetup}). Workers
 * ({@link org.djx.sweep.SweepWorker}), in one process or many sharing the store file
 * ({@link org.djx.sweep.WorkerProcesses}), claim one trial at a time atomically and train it as an
 * ordinary run tied to its sweep and trial number. Pruners ({@link org.djx.sweep.MedianPruner},
 * {@link org.djx.sweep.AshaPruner}) are epoch verdicts that compare a trial with the others
 * through the store.
 *
 * <p>Choices made where the issue was silent:
 * <ul>
 *   <li>A trial's objective is the best value of the objective metric over its epochs.</li>
 *   <li>A retried trial keeps its number and gets a new run; {@code attempts} counts its claims.
 *       Resuming ({@code djx sweep} again with the same descriptor) retries failed and interrupted
 *       trials that have a retry left; a worker with an empty queue also takes back trials of
 *       dead workers (same host and process gone, or heartbeat older than 90 s) and retries the
 *       interrupted ones, so killing one of several workers does not stall a sweep.</li>
 *   <li>{@code --max-trials} caps the sweep's total number of trials; running again with a larger
 *       cap adds the next trials of the same grid order or random sequence, numbered after the last.</li>
 *   <li>Before a new sweep is stored every trial is planned until one is valid: when none is (a
 *       misspelt path), that is a user error, not a sweep of failures.</li>
 *   <li>Workers load the descriptor file again and refuse to work when its hash no longer matches
 *       the sweep's, so a sweep never mixes two descriptors.</li>
 *   <li>Random samples of real numbers are rounded to four significant digits.</li>
 * </ul>
 */
package org.djx.sweep;
