package org.djx.training;

import java.util.Random;
import org.djx.descriptor.Experiment;
import org.djx.plugin.ImageDataset;
import org.djx.plugin.LabeledImages;

/**
 * The examples a run trains, validates and tests on, split from a loaded dataset.
 *
 * @param validation {@code null} when the split leaves none
 * @param test {@code null} unless the dataset has a test part kept out of the split
 */
public record DataSplit(LabeledImages train, LabeledImages validation, LabeledImages test) {

    /**
     * Splits as the descriptor says: pool the parts ({@code from: all}) or only the training part
     * ({@code from: train}, keeping the test part for a final evaluation); take the first
     * {@code limit}; shuffle with the split seed and cut off the validation fraction.
     */
    public static DataSplit of(ImageDataset data, Experiment.Dataset spec) {
        boolean pooled = "all".equals(spec.splitFrom());
        LabeledImages pool = pooled ? data.all() : data.train();
        LabeledImages test = pooled ? null : data.test();
        if (spec.limit() != null) {
            pool = pool.first(spec.limit().intValue());
            if (test != null) {
                test = test.first(spec.limit().intValue());
            }
        }
        int n = pool.size();
        int validationCount = (int) Math.round(n * spec.validation());
        if (validationCount == 0 && spec.validation() > 0 && n > 1) {
            validationCount = 1;
        }
        if (n - validationCount < 1) {
            throw new TrainingException("dataset.limit leaves " + n + " example(s): too few to train and validate on");
        }
        int[] order = shuffled(n, spec.splitSeed());
        int[] valIdx = java.util.Arrays.copyOfRange(order, 0, validationCount);
        int[] trainIdx = java.util.Arrays.copyOfRange(order, validationCount, n);
        java.util.Arrays.sort(valIdx); // keep source order inside each part: reproducible and cache friendly
        java.util.Arrays.sort(trainIdx);
        return new DataSplit(select(pool, trainIdx), validationCount == 0 ? null : select(pool, valIdx), test);
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static LabeledImages select(LabeledImages from, int[] indices) {
        int size = from.exampleSize();
        byte[] pixels = new byte[indices.length * size];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(from.pixels(), indices[i] * size, pixels, i * size, size);
            labels[i] = from.labels()[indices[i]];
        }
        return new LabeledImages(pixels, labels, from.channels(), from.height(), from.width(), from.classes());
    }
}
