package org.djx.bench;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.djx.plugin.LabeledImages;
import org.djx.training.DataSplit;
import org.djx.training.ExperimentPlan;
import org.djx.training.TrainingException;

/** Random images of the model's input shape with random labels, made in memory: no disk, no decoding. */
final class SyntheticData {

    private SyntheticData() {}

    /** {@code imagesPerPart} training and as many validation images for the plan's model. */
    static DataSplit forPlan(ExperimentPlan plan, int imagesPerPart, long seed) {
        Shape input = plan.input();
        if (input.dimension() != 3) {
            throw new TrainingException("djx bench needs an image model (model.input: [channels, height, width]), not "
                    + input);
        }
        Shape output = plan.shapes().get(plan.shapes().size() - 1).outputShape();
        int classes = (int) output.get(output.dimension() - 1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        Random random = new Random(seed);
        return new DataSplit(images(random, imagesPerPart, input, names), images(random, imagesPerPart, input, names), null);
    }

    private static LabeledImages images(Random random, int count, Shape input, List<String> classes) {
        byte[] pixels = new byte[(int) (count * input.size())];
        random.nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes.size());
        }
        return new LabeledImages(pixels, labels, (int) input.get(0), (int) input.get(1), (int) input.get(2), classes);
    }
}
