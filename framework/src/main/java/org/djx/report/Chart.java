package org.djx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A line chart of metrics against epochs, laid out once and drawn on any {@link Canvas}.
 *
 * @param series name to (epoch to value); NaN and missing values leave gaps
 */
public record Chart(String title, Map<String, TreeMap<Integer, Double>> series) {

    public static final int WIDTH = 420;
    public static final int HEIGHT = 260;
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final double LEFT = 56, RIGHT = 12, TOP = 28, BOTTOM = 52;

    /** The learning-curve charts of one run: losses in one, accuracies (and other scores) in another. */
    public static List<Chart> learningCurves(RunData run) {
        Map<String, TreeMap<Integer, Double>> losses = new TreeMap<>();
        Map<String, TreeMap<Integer, Double>> scores = new TreeMap<>();
        run.curves().forEach((name, curve) -> {
            if (name.contains("loss") || name.contains("error")) {
                losses.put(name, curve);
            } else if (name.contains("accuracy")) {
                scores.put(name, curve);
            }
        });
        List<Chart> charts = new ArrayList<>();
        if (!losses.isEmpty()) {
            charts.add(new Chart("run " + run.run().id() + ": loss", losses));
        }
        if (!scores.isEmpty()) {
            charts.add(new Chart("run " + run.run().id() + ": accuracy", scores));
        }
        return charts;
    }

    void draw(Canvas c) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (TreeMap<Integer, Double> s : series.values()) {
            for (Map.Entry<Integer, Double> e : s.entrySet()) {
                if (e.getValue() != null && Double.isFinite(e.getValue())) {
                    minX = Math.min(minX, e.getKey());
                    maxX = Math.max(maxX, e.getKey());
                    minY = Math.min(minY, e.getValue());
                    maxY = Math.max(maxY, e.getValue());
                }
            }
        }
        c.text(WIDTH / 2.0, 18, title, "#222", 13, Canvas.Anchor.MIDDLE);
        if (minX > maxX) {
            c.text(WIDTH / 2.0, HEIGHT / 2.0, "no values", "#888", 12, Canvas.Anchor.MIDDLE);
            return;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY - minY < 1e-12) {
            maxY += 0.5;
            minY -= 0.5;
        }
        double pad = (maxY - minY) * 0.05;
        double y0 = minY - pad, y1 = maxY + pad, x0 = minX, x1 = maxX;
        double plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - x0) / (x1 - x0) * plotW;
        java.util.function.DoubleUnaryOperator py = y -> TOP + (1 - (y - y0) / (y1 - y0)) * plotH;
        // axes and grid
        c.line(LEFT, TOP, LEFT, TOP + plotH, "#444", 1);
        c.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#444", 1);
        for (int i = 0; i <= 4; i++) {
            double v = y0 + (y1 - y0) * i / 4;
            double y = py.applyAsDouble(v);
            c.line(LEFT, y, LEFT + plotW, y, "#e5e5e5", 1);
            c.text(LEFT - 6, y + 4, Table.text(round(v)), "#444", 10, Canvas.Anchor.END);
        }
        int span = (int) (x1 - x0);
        int step = Math.max(1, (int) Math.ceil(span / 8.0));
        for (int e = (int) x0; e <= x1; e += step) {
            double x = px.applyAsDouble(e);
            c.line(x, TOP + plotH, x, TOP + plotH + 4, "#444", 1);
            c.text(x, TOP + plotH + 16, Integer.toString(e), "#444", 10, Canvas.Anchor.MIDDLE);
        }
        c.text(LEFT + plotW / 2, TOP + plotH + 30, "epoch", "#444", 10, Canvas.Anchor.MIDDLE);
        int i = 0;
        double legendX = LEFT;
        for (Map.Entry<String, TreeMap<Integer, Double>> s : series.entrySet()) {
            String color = PALETTE[i++ % PALETTE.length];
            List<double[]> points = new ArrayList<>();
            for (Map.Entry<Integer, Double> e : s.getValue().entrySet()) {
                if (e.getValue() != null && Double.isFinite(e.getValue())) {
                    points.add(new double[] {px.applyAsDouble(e.getKey()), py.applyAsDouble(e.getValue())});
                }
            }
            c.polyline(points, color, 2, null);
            for (double[] p : points) {
                c.circle(p[0], p[1], 2.5, color);
            }
            c.line(legendX, HEIGHT - 8, legendX + 14, HEIGHT - 8, color, 3);
            c.text(legendX + 18, HEIGHT - 4, s.getKey(), "#222", 10, Canvas.Anchor.START);
            legendX += 24 + s.getKey().length() * 6;
        }
    }

    private static double round(double v) {
        return Math.abs(v) >= 1e-3 ? Math.round(v * 1e4) / 1e4 : v;
    }

    /** The chart as an inline SVG element. */
    public String svg() {
        SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT, "chart curve");
        draw(canvas);
        return canvas.toString();
    }
}
