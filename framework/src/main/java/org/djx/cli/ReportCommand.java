package org.djx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.report.HtmlReport;
import org.djx.report.PngCharts;
import org.djx.report.RunData;
import org.djx.store.query.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx report}: one self-contained HTML file about the selected runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML report (no network needed): runs table, params against a metric, learning curves.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    RunSelection selection;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The HTML file to write.")
    Path outFile;

    @Option(names = "--metric", paramLabel = "FIELD",
            description = "Metric the parallel-coordinates view shows (default: the best validation accuracy, or the first main metric).")
    String metric;

    @Option(names = "--png", paramLabel = "DIR", description = "Also write each run's learning curves as PNG images into DIR.")
    Path pngDir;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "djx report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<RunData> data = selection.load(environment, err);
        String chosen = metric != null ? metric : defaultMetric(data);
        Field field = Field.parse(chosen);
        if (field == null || field.kind() == Field.Kind.ATTRIBUTE && !List.of("duration", "epochs").contains(field.name())) {
            throw new UserException("--metric: '" + chosen + "' is not a metric; use metrics.NAME or metrics.NAME.best");
        }
        String html = HtmlReport.render(title, environment.store + ": " + selection.describe(), data, RunData.defaultColumns(data), chosen);
        ExportCommand.writeAtomically(outFile, out -> out.print(html));
        err.println("djx: wrote " + outFile + " (" + data.size() + " runs)");
        if (pngDir != null) {
            List<Path> images = PngCharts.write(data, pngDir);
            err.println("djx: wrote " + images.size() + " PNG chart(s) to " + pngDir);
        }
        err.flush();
        return 0;
    }

    private static String defaultMetric(List<RunData> data) {
        List<String> main = RunData.mainMetrics(data);
        return main.isEmpty() ? "duration" : "metrics." + main.get(0) + ".best";
    }
}
