package org.djx.report;

import java.util.List;

/** The few drawing operations charts use, so one chart layout renders to SVG and to PNG alike. */
interface Canvas {

    void line(double x1, double y1, double x2, double y2, String color, double width);

    /** An open polyline through {@code xy} pairs; {@code id} names it for scripts (may be {@code null}). */
    void polyline(List<double[]> points, String color, double width, String id);

    void text(double x, double y, String text, String color, int size, Anchor anchor);

    void circle(double x, double y, double r, String color);

    enum Anchor { START, MIDDLE, END }
}
