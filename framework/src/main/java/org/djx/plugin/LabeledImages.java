package org.djx.plugin;

import java.util.List;

/**
 * Images as unsigned bytes (0-255), example after example, each in (channels, height, width)
 * order, with one class index per example.
 *
 * @param pixels {@code count * channels * height * width} bytes
 * @param labels class index of each example, in [0, classes.size())
 * @param channels channels per example (1 for grayscale)
 * @param height rows per example
 * @param width columns per example
 * @param classes class names, index by index
 */
public record LabeledImages(byte[] pixels, int[] labels, int channels, int height, int width, List<String> classes) {

    public LabeledImages {
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "pixels hold " + pixels.length + " bytes, " + labels.length + " examples of "
                            + channels + "x" + height + "x" + width + " need " + expected);
        }
        classes = List.copyOf(classes);
    }

    public int size() {
        return labels.length;
    }

    /** Bytes in one example. */
    public int exampleSize() {
        return channels * height * width;
    }

    /** The first {@code n} examples (all of them when there are fewer). */
    public LabeledImages first(int n) {
        if (n >= size()) {
            return this;
        }
        return new LabeledImages(java.util.Arrays.copyOf(pixels, n * exampleSize()),
                java.util.Arrays.copyOf(labels, n), channels, height, width, classes);
    }

    /** These examples followed by {@code other}'s, which must have the same shape. */
    public LabeledImages concat(LabeledImages other) {
        if (other.exampleSize() != exampleSize() || other.channels != channels) {
            throw new IllegalArgumentException("cannot join examples of different shapes");
        }
        byte[] p = java.util.Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, p, pixels.length, other.pixels.length);
        int[] l = java.util.Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, l, labels.length, other.labels.length);
        return new LabeledImages(p, l, channels, height, width, classes);
    }
}
