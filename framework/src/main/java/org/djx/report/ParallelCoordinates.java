package org.djx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.djx.store.query.Field;

/**
 * Params against one metric: a vertical axis per param that differs between the runs and one for
 * the metric (last); each run is a line across them, coloured from low (blue) to high (red) metric.
 * Numeric axes are linear, or logarithmic when positive and spanning over two decades (learning
 * rates); text axes space their values evenly.
 */
final class ParallelCoordinates {

    static final int HEIGHT = 340;
    private static final double TOP = 40, BOTTOM = 30, SIDE = 110;

    private ParallelCoordinates() {}

    /** An axis: where a value sits, from 0 (bottom) to 1 (top), or -1 when the run lacks it. */
    private record Axis(String label, Field field, List<Object> categories, double min, double max, boolean log) {

        static Axis of(String label, Field field, List<RunData> runs) {
            List<Object> values = runs.stream().map(r -> r.value(field)).filter(v -> v != null).toList();
            if (!values.isEmpty() && values.stream().allMatch(v -> v instanceof Number)) {
                double min = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
                double max = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(1);
                boolean log = min > 0 && max / min > 100;
                return new Axis(label, field, null, min, max, log);
            }
            TreeSet<String> cats = new TreeSet<>();
            values.forEach(v -> cats.add(v.toString()));
            return new Axis(label, field, new ArrayList<>(cats), 0, Math.max(1, cats.size() - 1), false);
        }

        double position(RunData run) {
            Object v = run.value(field);
            if (v == null) {
                return -1;
            }
            if (categories != null) {
                return categories.size() == 1 ? 0.5 : categories.indexOf(v.toString()) / (double) (categories.size() - 1);
            }
            double x = ((Number) v).doubleValue();
            if (max == min) {
                return 0.5;
            }
            return log ? (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (x - min) / (max - min);
        }

        String bottomLabel() {
            return categories != null ? (categories.isEmpty() ? "" : categories.get(0).toString()) : Table.text(min);
        }

        String topLabel() {
            return categories != null ? (categories.size() < 2 ? "" : categories.get(categories.size() - 1).toString()) : Table.text(max);
        }
    }

    /** The chart as SVG, or a note when there is nothing to compare. */
    static String svg(List<RunData> runs, List<String> params, String metric) {
        Field metricField = Field.parse(metric);
        List<Axis> axes = new ArrayList<>();
        for (String p : params) {
            axes.add(Axis.of(p, new Field(Field.Kind.PARAM, p), runs));
        }
        axes.add(Axis.of(metric, metricField, runs));
        int width = (int) Math.max(620, SIDE * 2 + 150 * (axes.size() - 1));
        SvgCanvas c = new SvgCanvas(width, HEIGHT, "chart parallel");
        double plotH = HEIGHT - TOP - BOTTOM;
        double gap = axes.size() == 1 ? 0 : (width - 2 * SIDE) / (axes.size() - 1);
        Axis metricAxis = axes.get(axes.size() - 1);
        for (RunData run : runs) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                double pos = axes.get(i).position(run);
                if (pos >= 0) {
                    points.add(new double[] {SIDE + gap * i, TOP + (1 - pos) * plotH});
                }
            }
            double m = metricAxis.position(run);
            c.polyline(points, m < 0 ? "#bbbbbb" : color(m), 2, Long.toString(run.run().id()));
        }
        for (int i = 0; i < axes.size(); i++) {
            Axis a = axes.get(i);
            double x = SIDE + gap * i;
            c.line(x, TOP, x, TOP + plotH, "#333", 1.5);
            c.text(x, TOP - 22, a.label(), "#111", 11, Canvas.Anchor.MIDDLE);
            c.text(x, TOP - 8, a.topLabel() + (a.log() ? " (log)" : ""), "#555", 10, Canvas.Anchor.MIDDLE);
            c.text(x, TOP + plotH + 16, a.bottomLabel(), "#555", 10, Canvas.Anchor.MIDDLE);
            if (a.categories() != null) {
                for (int k = 1; k < a.categories().size() - 1; k++) {
                    double y = TOP + (1 - k / (double) (a.categories().size() - 1)) * plotH;
                    c.text(x + 4, y + 3, a.categories().get(k).toString(), "#555", 10, Canvas.Anchor.START);
                }
            }
        }
        return c.toString();
    }

    /** Blue (0) to red (1). */
    static String color(double t) {
        int r = (int) Math.round(40 + 200 * t);
        int b = (int) Math.round(220 - 190 * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, 70, b);
    }
}
