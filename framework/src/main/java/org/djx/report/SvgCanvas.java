package org.djx.report;

import java.util.List;
import java.util.Locale;

/** Draws into an SVG element's text. */
final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height, String cssClass) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"")
                .append(n(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(n(width)).append("\"/>");
    }

    @Override
    public void polyline(List<double[]> points, String color, double width, String id) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(n(width)).append('"');
        if (id != null) {
            svg.append(" data-run=\"").append(Html.escape(id)).append("\" class=\"pc-line\"");
        }
        svg.append(" points=\"");
        for (double[] p : points) {
            svg.append(n(p[0])).append(',').append(n(p[1])).append(' ');
        }
        svg.append("\"/>");
    }

    @Override
    public void text(double x, double y, String text, String color, int size, Anchor anchor) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" fill=\"").append(color)
                .append("\" font-size=\"").append(size).append("\" font-family=\"sans-serif\" text-anchor=\"")
                .append(anchor.name().toLowerCase(Locale.ROOT)).append("\">").append(Html.escape(text)).append("</text>");
    }

    @Override
    public void circle(double x, double y, double r, String color) {
        svg.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r)).append("\" fill=\"")
                .append(color).append("\"/>");
    }

    @Override
    public String toString() {
        return svg + "</svg>";
    }
}
