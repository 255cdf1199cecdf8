package org.djx.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes each run's learning-curve charts as PNG files ({@code run-ID-loss.png}, {@code run-ID-accuracy.png}). */
public final class PngCharts {

    private PngCharts() {}

    /** Returns the files written. */
    public static List<Path> write(List<RunData> runs, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (RunData run : runs) {
            for (Chart chart : Chart.learningCurves(run)) {
                Java2dCanvas canvas = new Java2dCanvas(Chart.WIDTH, Chart.HEIGHT);
                chart.draw(canvas);
                String kind = chart.title().substring(chart.title().lastIndexOf(' ') + 1);
                Path file = dir.resolve("run-" + run.run().id() + "-" + kind + ".png");
                ImageIO.write(canvas.image(), "png", file.toFile());
                written.add(file);
            }
        }
        return written;
    }
}
