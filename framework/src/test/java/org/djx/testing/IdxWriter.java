package org.djx.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small MNIST-format IDX files for tests, including a learnable synthetic set: each class
 * is a bright bar at its own position on a noisy background, so a tiny network learns it in an
 * epoch or two.
 */
public final class IdxWriter {

    private IdxWriter() {}

    /** Writes {@code prefix-images-idx3-ubyte[.gz]} and {@code prefix-labels-idx1-ubyte[.gz]} into {@code dir}. */
    public static void write(Path dir, String prefix, byte[][] images, int rows, int cols, int[] labels, boolean gzip)
            throws IOException {
        Files.createDirectories(dir);
        String suffix = gzip ? ".gz" : "";
        try (DataOutputStream out = open(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), gzip)) {
            out.writeInt(0x803);
            out.writeInt(images.length);
            out.writeInt(rows);
            out.writeInt(cols);
            for (byte[] image : images) {
                out.write(image);
            }
        }
        try (DataOutputStream out = open(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), gzip)) {
            out.writeInt(0x801);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw);
    }

    /**
     * Writes a learnable synthetic dataset of {@code count} 28x28 images per part ({@code train}
     * and {@code t10k}) over {@code classes} classes.
     */
    public static void writeSynthetic(Path dir, int trainCount, int testCount, int classes, long seed, boolean gzip)
            throws IOException {
        Random random = new Random(seed);
        writePart(dir, "train", trainCount, classes, random, gzip);
        if (testCount > 0) {
            writePart(dir, "t10k", testCount, classes, random, gzip);
        }
    }

    private static void writePart(Path dir, String prefix, int count, int classes, Random random, boolean gzip)
            throws IOException {
        int size = 28;
        byte[][] images = new byte[count][size * size];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(classes);
            labels[i] = label;
            byte[] image = images[i];
            for (int p = 0; p < image.length; p++) {
                image[p] = (byte) random.nextInt(60);
            }
            // A horizontal bar whose row depends on the class, jittered by one row.
            int row = 2 + label * (size - 4) / classes + random.nextInt(2);
            for (int c = 4; c < size - 4; c++) {
                image[row * size + c] = (byte) (200 + random.nextInt(55));
                image[(row + 1) * size + c] = (byte) (200 + random.nextInt(55));
            }
        }
        write(dir, prefix, images, size, size, labels, gzip);
    }
}
