package org.djx.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void ratesAreMediansOverPassesAndLatenciesPercentilesOverAllSteps() {
        // 1000 images per pass; passes of 1 s, 2 s and 4 s of training, 0.5 s of inference each
        List<PassTiming> passes = List.of(
                new PassTiming(1_000_000_000L, new long[] {100_000_000L, 900_000_000L}, 500_000_000L),
                new PassTiming(2_000_000_000L, new long[] {200_000_000L, 1_800_000_000L}, 500_000_000L),
                new PassTiming(4_000_000_000L, new long[] {400_000_000L, 3_600_000_000L}, 500_000_000L));

        Measurement m = Measurement.of(passes, 1000, 1.5);

        assertEquals(500, m.trainImagesPerSecond(), 1e-9);
        assertEquals(2000, m.inferenceImagesPerSecond(), 1e-9);
        assertEquals(400, m.stepMedianMillis(), 1e-9); // nearest rank: 3rd of 6 sorted steps
        assertEquals(3600, m.stepP90Millis(), 1e-9);
        assertEquals(1.5, m.startupSeconds());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Measurement.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void gapsAreMeasuredFromTheStartThenBetweenStamps() {
        assertArrayEquals(new long[] {5, 3, 7}, PassTiming.gaps(10, new long[] {15, 18, 25}));
    }

    @Test
    void warmUpRoundsUpToWholePasses() {
        assertEquals(0, new BenchSettings(100, 50, 0, 3).warmupPasses());
        assertEquals(1, new BenchSettings(100, 50, 1, 3).warmupPasses());
        assertEquals(2, new BenchSettings(100, 50, 51, 3).warmupPasses());
    }
}
