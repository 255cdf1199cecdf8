package org.djx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.report.Export;
import org.djx.report.RunData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx export}: runs, params and per-epoch metrics to a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the selected runs with their params and per-epoch metrics.",
                "csv: one row per run and epoch; json: an array of runs; jsonl: one run per line."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    RunSelection selection;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "csv, json or jsonl.")
    Export.Format format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write ('-' for standard output).")
    Path outFile;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<RunData> data = selection.load(environment, err);
        if (outFile.toString().equals("-")) {
            Export.write(data, format, spec.commandLine().getOut());
            return 0;
        }
        writeAtomically(outFile, w -> Export.write(data, format, w));
        err.println("djx: exported " + data.size() + " run(s) to " + outFile);
        err.flush();
        return 0;
    }

    interface Writer {
        void write(PrintWriter out) throws IOException;
    }

    /** Writes next to {@code file} and renames, so a failure never leaves half a file under its name. */
    static void writeAtomically(Path file, Writer writer) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            throw new UserException("--out: directory " + absolute.getParent() + " does not exist");
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
            writer.write(out);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new UserException("cannot write " + file + ": " + e.getMessage());
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
