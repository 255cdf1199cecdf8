package org.djx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Draws onto a {@link BufferedImage}, for PNG charts. */
final class Java2dCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D g;

    Java2dCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    BufferedImage image() {
        g.dispose();
        return image;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
        g.setColor(Color.decode(color));
        g.setStroke(new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(List<double[]> points, String color, double width, String id) {
        if (points.isEmpty()) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points.get(0)[0], points.get(0)[1]);
        points.stream().skip(1).forEach(p -> path.lineTo(p[0], p[1]));
        g.setColor(Color.decode(color));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    @Override
    public void text(double x, double y, String text, String color, int size, Anchor anchor) {
        g.setColor(Color.decode(color));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        int w = g.getFontMetrics().stringWidth(text);
        double dx = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2.0 : -w;
        g.drawString(text, (float) (x + dx), (float) y);
    }

    @Override
    public void circle(double x, double y, double r, String color) {
        g.setColor(Color.decode(color));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }
}
