package org.djx.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.descriptor.Experiment;
import org.djx.training.ExperimentPlan;
import org.djx.training.ExperimentRunner;
import org.djx.training.TrainingProgress;

/**
 * Shows a run on the terminal: a progress bar within each epoch (only when stdout is a terminal),
 * one summary line per epoch, or one JSON object per epoch with {@code --json}.
 */
final class ConsoleProgress implements TrainingProgress {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BAR_INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final boolean quiet;
    private final boolean json;
    private final boolean terminal = System.console() != null;
    private int epochs;
    private boolean bySteps;
    private long runId;
    private long lastBar;

    ConsoleProgress(PrintWriter out, boolean quiet, boolean json) {
        this.out = out;
        this.quiet = quiet;
        this.json = json;
    }

    @Override
    public void started(long runId, ExperimentPlan plan, String device, int trainSize, int validationSize, long batchesPerEpoch) {
        this.runId = runId;
        var training = plan.experiment().training();
        this.bySteps = training.steps() != null;
        // With steps, each line is one evaluation interval (eval_every steps, default one pass).
        this.epochs = bySteps
                ? (int) ((training.steps() + stepsPer(training, batchesPerEpoch) - 1) / stepsPer(training, batchesPerEpoch))
                : training.epochs();
        if (!quiet && !json) {
            out.printf("run %d: %s on %s (%s), %d training / %d validation images, %d batches per epoch%n", runId,
                    plan.experiment().name(), device, plan.experiment().engine(), trainSize, validationSize, batchesPerEpoch);
            out.flush();
        }
    }

    private static long stepsPer(Experiment.Training training, long batchesPerEpoch) {
        return training.evalEvery() != null ? training.evalEvery() : batchesPerEpoch;
    }

    @Override
    public void batch(int epoch, long batch, long batchesPerEpoch) {
        if (quiet || json || !terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastBar < BAR_INTERVAL_NANOS && batch != batchesPerEpoch) {
            return;
        }
        lastBar = now;
        int width = 30;
        int filled = (int) (width * batch / batchesPerEpoch);
        out.printf("\r%s %d/%d [%s%s] %3d%%", bySteps ? "eval" : "epoch", epoch, epochs, "=".repeat(filled), " ".repeat(width - filled),
                100 * batch / batchesPerEpoch);
        out.flush();
    }

    @Override
    public void epoch(int epoch, Map<String, Double> metrics) {
        if (json) {
            printJson("epoch", epoch, metrics);
        } else if (!quiet) {
            if (terminal) {
                out.print("\r\033[K");
            }
            out.println(bySteps ? "eval " + epochLine(epoch, epochs, metrics).substring("epoch ".length()) : epochLine(epoch, epochs, metrics));
        }
        out.flush();
    }

    static String epochLine(int epoch, int epochs, Map<String, Double> m) {
        StringBuilder line = new StringBuilder(String.format("epoch %d/%d", epoch, epochs));
        append(line, "train loss", m.get("train_loss"), "%.4f");
        append(line, "acc", m.get("train_accuracy"), "%.4f");
        append(line, "| val loss", m.get("validate_loss"), "%.4f");
        append(line, "acc", m.get("validate_accuracy"), "%.4f");
        append(line, "| step", m.get("step"), "%.0f");
        append(line, "|", m.get("epoch_seconds"), "%.1f s");
        append(line, "", m.get("images_per_second"), "%.0f img/s");
        return line.toString();
    }

    private static void append(StringBuilder line, String label, Double value, String format) {
        if (value != null) {
            line.append("  ").append(label).append(label.isEmpty() ? "" : " ").append(String.format(format, value));
        }
    }

    @Override
    public void tested(int images, Map<String, Double> metrics) {
        if (json) {
            printJson("test_images", images, metrics);
        } else if (!quiet) {
            out.printf("test: loss %.4f  accuracy %.4f  (%d images)%n", metrics.get("test_loss"), metrics.get("test_accuracy"), images);
        }
        out.flush();
    }

    /** One JSON line: the run, what the row is about, then the metrics (NaN and infinity as null: JSON has no such numbers). */
    private void printJson(String key, int value, Map<String, Double> metrics) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", runId);
        row.put(key, value);
        metrics.forEach((k, v) -> row.put(k, v.isNaN() || v.isInfinite() ? null : v));
        try {
            out.println(JSON.writeValueAsString(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void note(String message) {
        if (!json) {
            out.println(message);
            out.flush();
        }
    }

    void finished(ExperimentRunner.Outcome outcome, Path store) {
        if (json) {
            return;
        }
        Double acc = outcome.lastMetrics().get("validate_accuracy");
        out.printf("run %d %s%s; recorded in %s%n", outcome.runId(), outcome.status().label(),
                acc == null ? "" : String.format(": validation accuracy %.4f", acc), store);
        if (outcome.error() != null) {
            out.println("reason: " + outcome.error());
        }
        out.flush();
    }
}
