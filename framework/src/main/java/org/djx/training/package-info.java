/**
 * Runs one experiment: engine and device choice, seeding, a DJL {@code Trainer} driven by
 * {@code EasyTrain.trainBatch}, and DJL {@code TrainingListener}s that record metrics, catch
 * divergence and honour signals.
 *
 * <h2>Evaluations</h2>
 * Training is a sequence of evaluations. With {@code training.epochs} there is one per pass over
 * the training split. With {@code training.steps} there is one every {@code training.eval_every}
 * optimizer steps (default: one pass) and one at the last step; metric rows are keyed by the
 * evaluation number (the store's {@code epoch} column) and carry a {@code step} metric. Each row
 * has {@code train_loss}, {@code train_accuracy} (averaged over the interval's batches),
 * {@code validate_loss}, {@code validate_accuracy} (when the split keeps a validation part),
 * {@code learning_rate}, {@code epoch_seconds} and {@code images_per_second} (training batches
 * only). With {@code dataset.split.from: train} the dataset's own test part is evaluated once at
 * the end and stored as {@code test_loss} and {@code test_accuracy} on the last row.
 *
 * <h2>Stopping</h2>
 * {@code training.early_stopping} ({@link org.djx.training.EarlyStopping}) stops a run, as
 * completed, when its metric has not improved by more than {@code min_delta} for
 * {@code patience} evaluations. A NaN or infinite loss fails the run at the batch where it
 * happens ({@link org.djx.training.DivergenceGuard}, which reads the loss DJL already copied to
 * the host, so it costs no extra device sync). SIGINT/SIGTERM stop training at the next batch;
 * the run is marked {@code interrupted} with its last finished evaluation and the process exits
 * once the engine is idle (MXNet crashes if the JVM exits while its kernels run).
 *
 * <h2>Checkpoints and resume</h2>
 * With {@code checkpoint.enabled} (the default) each evaluation writes {@code last.params} and,
 * when {@code checkpoint.metric} improved (in {@code checkpoint.mode}), {@code best.params} under
 * {@code artifacts/RUN_ID/} next to the store file ({@code NAME-artifacts/RUN_ID/} for a store
 * named other than {@code djx.db}), with {@code descriptor.json} and
 * {@code classes.json} for {@code djx evaluate} and {@code djx predict}; each is a row of the
 * store's {@code artifacts} table ({@link org.djx.training.RunArtifacts}). {@code djx run --resume
 * RUN_ID} continues an interrupted or failed run after its last checkpoint under the same id:
 * parameters, evaluation number, step count (so the learning-rate schedule continues) and
 * early-stopping state are restored. DJL cannot save optimizer state, so Adam's moments and SGD
 * momentum start again, and the shuffling order differs from an uninterrupted run.
 *
 * <h2>Determinism and threads</h2>
 * The engine is seeded with {@code seed} before each run ({@code Engine.setRandomSeed}: DJL's
 * {@code RandomUtils}, which drives batch shuffling, and the engine's own generator, which drives
 * initialization and dropout); on the CPU two runs of one descriptor record identical metrics.
 * MXNet's CPU kernels use OpenMP and read {@code OMP_NUM_THREADS} once, when the native library
 * loads; the launcher sets it to every core, and {@code training.threads} can only be honoured by
 * setting it before start. PyTorch takes {@code training.threads} through
 * {@code ai.djl.pytorch.num_threads}. Several GPUs train data-parallel: DJL splits each batch
 * across the devices (a last batch smaller than the device count uses fewer devices).
 */
package org.djx.training;
