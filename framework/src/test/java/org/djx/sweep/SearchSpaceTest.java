package org.djx.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.djx.descriptor.SweepSection;
import org.djx.descriptor.SweepSection.Choices;
import org.djx.descriptor.SweepSection.IntRange;
import org.djx.descriptor.SweepSection.LogUniform;
import org.djx.descriptor.SweepSection.Parameter;
import org.djx.descriptor.SweepSection.Uniform;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static SweepSection section(String strategy, Integer trials, long seed, Parameter... parameters) {
        return new SweepSection(strategy, trials, seed, 1, List.of(parameters),
                new SweepSection.Objective("validate_accuracy", true), SweepSection.Pruner.NONE);
    }

    @Test
    void gridListsEveryCombinationExactlyOnceLastParameterFastest() {
        SweepSection s = section("grid", null, 0,
                new Parameter("optimizer.learning_rate", new Choices(List.of(0.1, 0.01, 0.001))),
                new Parameter("training.batch_size", new IntRange(32, 128, 32)),
                new Parameter("optimizer.type", new Choices(List.of("sgd", "adam"))));

        List<Map<String, Object>> trials = SearchSpace.trials(s, null);

        assertEquals(3 * 4 * 2, trials.size());
        assertEquals(trials.size(), new HashSet<>(trials).size(), "no combination twice");
        assertEquals(Map.of("optimizer.learning_rate", 0.1, "training.batch_size", 32L, "optimizer.type", "sgd"), trials.get(0));
        assertEquals(Map.of("optimizer.learning_rate", 0.1, "training.batch_size", 32L, "optimizer.type", "adam"), trials.get(1));
        assertEquals(Map.of("optimizer.learning_rate", 0.1, "training.batch_size", 64L, "optimizer.type", "sgd"), trials.get(2));
        assertEquals(Map.of("optimizer.learning_rate", 0.001, "training.batch_size", 128L, "optimizer.type", "adam"),
                trials.get(trials.size() - 1));
        assertEquals(List.copyOf(trials.get(0).keySet()), List.of("optimizer.learning_rate", "training.batch_size", "optimizer.type"));
    }

    @Test
    void gridIsCappedByTrialsAndMaxTrials() {
        SweepSection s = section("grid", 5, 0, new Parameter("a", new IntRange(1, 10, 1)));
        assertEquals(5, SearchSpace.trials(s, null).size());
        assertEquals(3, SearchSpace.trials(s, 3).size());
        assertEquals(SearchSpace.trials(s, null).subList(0, 3), SearchSpace.trials(s, 3));
    }

    @Test
    void hugeUncappedGridIsRefused() {
        SweepSection s = section("grid", null, 0,
                new Parameter("a", new IntRange(1, 1000, 1)), new Parameter("b", new IntRange(1, 1000, 1)));
        assertThrows(SweepException.class, () -> SearchSpace.trials(s, null));
        assertEquals(10, SearchSpace.trials(s, 10).size());
    }

    @Test
    void randomSearchIsReproducibleBySeedAndStaysInBounds() {
        Parameter lr = new Parameter("optimizer.learning_rate", new LogUniform(1e-4, 1e-1));
        Parameter dropout = new Parameter("model.layers[9].rate", new Uniform(0.1, 0.6));
        Parameter units = new Parameter("model.layers[7].units", new IntRange(128, 1024, 128));
        Parameter opt = new Parameter("optimizer.type", new Choices(List.of("sgd", "adam", "rmsprop")));

        List<Map<String, Object>> a = SearchSpace.trials(section("random", 40, 7, lr, dropout, units, opt), null);
        List<Map<String, Object>> b = SearchSpace.trials(section("random", 40, 7, lr, dropout, units, opt), null);
        List<Map<String, Object>> c = SearchSpace.trials(section("random", 40, 8, lr, dropout, units, opt), null);

        assertEquals(a, b, "same seed, same trials");
        assertNotEquals(a, c, "another seed, other trials");
        assertEquals(a.subList(0, 10), SearchSpace.trials(section("random", 10, 7, lr, dropout, units, opt), null),
                "a longer sweep extends a shorter one");
        for (Map<String, Object> t : a) {
            double rate = (Double) t.get("optimizer.learning_rate");
            assertTrue(rate >= 1e-4 && rate <= 1e-1, "learning rate " + rate);
            double d = (Double) t.get("model.layers[9].rate");
            assertTrue(d >= 0.1 && d <= 0.6, "dropout " + d);
            long u = (Long) t.get("model.layers[7].units");
            assertTrue(u >= 128 && u <= 1024 && u % 128 == 0, "units " + u);
            assertTrue(List.of("sgd", "adam", "rmsprop").contains(t.get("optimizer.type")));
        }
        long small = a.stream().filter(t -> (Double) t.get("optimizer.learning_rate") < 1e-2).count();
        assertTrue(small > 10, "loguniform puts about 2/3 of the samples below 0.01, got " + small + " of 40");
    }
}
