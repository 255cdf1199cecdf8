package org.djx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.djx.store.NewRun;
import org.djx.store.RunStatus;
import org.djx.store.SqliteResultStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code djx report}: a self-contained page that a real browser renders without errors. */
class ReportCommandTest {

    @TempDir
    Path dir;

    Path store;

    @BeforeEach
    void runs() {
        store = dir.resolve("r.db");
        try (SqliteResultStore s = SqliteResultStore.open(store)) {
            for (int i = 0; i < 3; i++) {
                long id = s.startRun(new NewRun("cnn", "h", "{}", "f.yaml",
                        Map.of("optimizer.type", i == 1 ? "adam" : "sgd", "optimizer.learning_rate", Math.pow(10, -1 - i)), Map.of()));
                for (int e = 1; e <= 4; e++) {
                    s.recordEpoch(id, e, Map.of("train_loss", 2.0 / e, "validate_loss", 2.2 / e + 0.1 * i,
                            "validate_accuracy", 0.4 + 0.1 * e - 0.05 * i, "train_accuracy", 0.45 + 0.1 * e));
                }
                s.finishRun(id, RunStatus.COMPLETED, null);
            }
        }
    }

    @Test
    void writesOneSelfContainedFileAndPngs() throws Exception {
        Path html = dir.resolve("report.html");
        Path png = dir.resolve("png");
        Cli result = Cli.run("report", "--out", html.toString(), "--png", png.toString(), "--store", store.toString());
        assertEquals(0, result.status(), result.err());
        String page = Files.readString(html);
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:|//)").matcher(page).find(), "the page loads nothing from the network");
        assertEquals(3 * 2 + 1, count(page, "<svg "), "two learning-curve charts per run and one parallel-coordinates view");
        assertTrue(page.contains("Params against metrics.validate_accuracy.best"));
        try (var files = Files.list(png)) {
            List<Path> images = files.sorted().toList();
            assertEquals(6, images.size());
            BufferedImage image = ImageIO.read(images.get(0).toFile());
            assertEquals(420, image.getWidth());
        }
        assertEquals(2, Cli.run("report", "--out", html.toString(), "--metric", "status", "--store", store.toString()).status());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void headlessChromiumRendersEveryChartWithoutConsoleErrors() throws Exception {
        String chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream().filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElse(null);
        assumeTrue(chromium != null, "chromium is not installed (.ci/run installs it)");
        Path html = dir.resolve("report.html");
        assertEquals(0, Cli.run("report", "--out", html.toString(), "--store", store.toString()).status());

        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("chromium-profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", html.toUri().toString()));
        Process browser = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        String dom = new String(browser.getInputStream().readAllBytes());
        assertTrue(browser.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        String log = Files.readString(dir.resolve("chromium.log"));

        Matcher rendered = Pattern.compile("<body[^>]*data-charts-rendered=\"(\\d+)\"").matcher(dom);
        assertTrue(rendered.find(), "the report's script did not run to its end:\n" + log);
        assertEquals(7, Integer.parseInt(rendered.group(1)), "charts the browser laid out with lines in them");
        List<String> consoleErrors = log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
        assertEquals(List.of(), consoleErrors);
    }
}
