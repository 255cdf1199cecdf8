package org.djx.plugins.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.djx.plugin.DatasetException;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.LabeledImages;

/**
 * Reads MNIST-format IDX files (gzip or raw): {@code train-images-idx3-ubyte[.gz]},
 * {@code train-labels-idx1-ubyte[.gz]} and, when present, the {@code t10k-} test pair. The
 * {@code -idx3-ubyte} / {@code .idx3-ubyte} spellings both work.
 */
public final class IdxFiles {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {}

    /**
     * Loads a directory of IDX files.
     *
     * @param classes class names; {@code null} to number the classes found in the labels
     * @throws DatasetException when the directory or a file is missing or malformed
     */
    public static ImageDataset load(Path dir, List<String> classes, String howToGet) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("dataset directory " + dir + " does not exist" + howToGet);
        }
        Path trainImages = find(dir, "train", "images");
        Path trainLabels = find(dir, "train", "labels");
        if (trainImages == null || trainLabels == null) {
            throw new DatasetException("no MNIST-format training files in " + dir
                    + " (expected train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz])" + howToGet);
        }
        Path testImages = find(dir, "t10k", "images");
        Path testLabels = find(dir, "t10k", "labels");
        LabeledImages train = read(trainImages, trainLabels, classes);
        LabeledImages test = testImages != null && testLabels != null ? read(testImages, testLabels, train.classes()) : null;
        if (test != null && (test.height() != train.height() || test.width() != train.width())) {
            throw new DatasetException("test images in " + dir + " are " + test.height() + "x" + test.width()
                    + " but training images are " + train.height() + "x" + train.width());
        }
        return new ImageDataset(train, test);
    }

    private static Path find(Path dir, String part, String kind) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return (n.startsWith(part + "-" + kind) || (part.equals("t10k") && n.startsWith("test-" + kind)))
                        && n.matches(".*[-.]idx[13]-ubyte(\\.gz)?");
            }).sorted().findFirst().orElse(null);
        }
    }

    /** Reads one images file and its labels file. */
    public static LabeledImages read(Path imagesFile, Path labelsFile, List<String> classes) throws IOException {
        byte[] pixels;
        int count;
        int rows;
        int cols;
        try (DataInputStream in = open(imagesFile)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DatasetException(imagesFile + " is not an IDX images file (magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x803)");
            }
            count = in.readInt();
            rows = in.readInt();
            cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
                throw new DatasetException(imagesFile + " has an impossible header: " + count + " images of " + rows + "x" + cols);
            }
            pixels = new byte[count * rows * cols];
            in.readFully(pixels);
        } catch (EOFException e) {
            throw new DatasetException(imagesFile + " is truncated: it holds fewer images than its header says");
        }
        int[] labels;
        try (DataInputStream in = open(labelsFile)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DatasetException(labelsFile + " is not an IDX labels file (magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x801)");
            }
            int n = in.readInt();
            if (n != count) {
                throw new DatasetException(labelsFile + " holds " + n + " labels but " + imagesFile + " holds " + count + " images");
            }
            byte[] raw = new byte[n];
            in.readFully(raw);
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xff;
            }
        } catch (EOFException e) {
            throw new DatasetException(labelsFile + " is truncated: it holds fewer labels than its header says");
        }
        int maxLabel = java.util.Arrays.stream(labels).max().orElse(0);
        List<String> names = classes;
        if (names == null) {
            names = java.util.stream.IntStream.rangeClosed(0, maxLabel).mapToObj(Integer::toString).toList();
        } else if (maxLabel >= names.size()) {
            throw new DatasetException(labelsFile + " has label " + maxLabel + " but the dataset has only " + names.size() + " classes");
        }
        return new LabeledImages(pixels, labels, 1, rows, cols, names);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }
}
