package org.djx.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.djx.training.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code djx predict RUN_ID IMAGE...}: classifies images with a run's stored model. PNG and JPEG
 * files are converted to the model's channels (grayscale for one) and resized to its input; an
 * IDX image file (MNIST format, optionally gzipped) gives one prediction per image in it. Pixels
 * are scaled to [0, 1] exactly as in training, with no inversion or centring.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify images (PNG/JPEG, or an IDX file) with a run's stored model.")
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run whose model to use.")
    long runId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "PNG/JPEG images or IDX image files.")
    List<Path> images;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "How many classes to show per image (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--limit", paramLabel = "N", description = "At most N images from each IDX file.")
    Integer limit;

    @Mixin
    CheckpointOption checkpoint;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        environment.requireRun(runId);
        try (TrainedModel model = TrainedModel.load(TrainedModel.artifactsOf(environment.store, runId), runId, checkpoint.name(),
                List.of(), environment.plugins(spec.commandLine().getErr()))) {
            long[] input = model.plan().input().getShape();
            int channels = (int) input[0];
            int height = (int) input[1];
            int width = (int) input[2];
            List<String> names = new ArrayList<>();
            List<float[]> pixels = new ArrayList<>();
            for (Path file : images) {
                if (!Files.isRegularFile(file)) {
                    throw new UserException("cannot read image " + file + ": no such file");
                }
                if (isIdx(file)) {
                    readIdx(file, channels, height, width, names, pixels);
                } else {
                    names.add(file.toString());
                    pixels.add(readImage(file, channels, height, width));
                }
            }
            var out = spec.commandLine().getOut();
            int chunk = 1000; // bounded memory for a whole IDX test set
            for (int from = 0; from < pixels.size(); from += chunk) {
                List<TrainedModel.Prediction> answers = model.predict(pixels.subList(from, Math.min(pixels.size(), from + chunk)), top);
                for (int i = 0; i < answers.size(); i++) {
                    StringBuilder line = new StringBuilder(names.get(from + i)).append(": ").append(answers.get(i).label()).append("  (");
                    List<Map.Entry<String, Double>> ranked = answers.get(i).top();
                    for (int k = 0; k < ranked.size(); k++) {
                        line.append(k == 0 ? "" : ", ").append(ranked.get(k).getKey()).append(String.format(" %.3f", ranked.get(k).getValue()));
                    }
                    out.println(line.append(')'));
                }
            }
            out.flush();
            return 0;
        }
    }

    private static boolean isIdx(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(open(file))) {
            return in.readInt() == 0x803;
        } catch (IOException notIdx) {
            return false;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
    }

    private void readIdx(Path file, int channels, int height, int width, List<String> names, List<float[]> pixels) throws IOException {
        try (DataInputStream in = new DataInputStream(open(file))) {
            in.readInt();
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (channels != 1 || rows != height || cols != width) {
                throw new UserException(file + " holds " + rows + "x" + cols + " grayscale images but the model takes "
                        + channels + "x" + height + "x" + width);
            }
            int n = limit == null ? count : Math.min(count, limit);
            byte[] image = new byte[rows * cols];
            for (int i = 0; i < n; i++) {
                in.readFully(image);
                float[] x = new float[image.length];
                for (int p = 0; p < image.length; p++) {
                    x[p] = (image[p] & 0xff) / 255f;
                }
                names.add(file.getFileName() + "[" + i + "]");
                pixels.add(x);
            }
        }
    }

    /** Decodes a PNG/JPEG, converts it to the model's channels and resizes it to the model's input. */
    private static float[] readImage(Path file, int channels, int height, int width) throws IOException {
        BufferedImage source = ImageIO.read(file.toFile());
        if (source == null) {
            throw new UserException("cannot read image " + file + ": not a PNG, JPEG or IDX file");
        }
        if (channels != 1 && channels != 3) {
            throw new UserException("the model takes " + channels + "-channel input; predict reads images for 1 (grayscale) or 3 (RGB)");
        }
        BufferedImage scaled = new BufferedImage(width, height, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        float[] x = new float[channels * height * width];
        for (int y = 0; y < height; y++) {
            for (int col = 0; col < width; col++) {
                if (channels == 1) {
                    x[y * width + col] = scaled.getRaster().getSample(col, y, 0) / 255f;
                } else {
                    int rgb = scaled.getRGB(col, y);
                    for (int c = 0; c < 3; c++) {
                        x[c * height * width + y * width + col] = ((rgb >> (16 - 8 * c)) & 0xff) / 255f;
                    }
                }
            }
        }
        return x;
    }
}
