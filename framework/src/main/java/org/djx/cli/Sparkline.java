package org.djx.cli;

import java.util.Collection;

/** A learning curve as a row of block characters, scaled to its own range (▁ low, █ high). */
final class Sparkline {

    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {}

    static String of(Collection<Double> values) {
        double min = values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).min().orElse(0);
        double max = values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).max().orElse(0);
        StringBuilder s = new StringBuilder();
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                s.append(' ');
            } else {
                int i = max == min ? BLOCKS.length / 2 : (int) Math.round((v - min) / (max - min) * (BLOCKS.length - 1));
                s.append(BLOCKS[i]);
            }
        }
        return s.toString();
    }
}
