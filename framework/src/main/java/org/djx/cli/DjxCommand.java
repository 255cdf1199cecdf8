package org.djx.cli;

import picocli.CommandLine.Command;

/** {@code djx}: the top-level command; every action is a subcommand. */
@Command(
        name = "djx",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plugin-based experiment framework for Deep Java Library.",
        subcommands = {RunCommand.class, ValidateCommand.class, PluginsCommand.class, RunsCommand.class, ShowCommand.class,
                EvaluateCommand.class, PredictCommand.class, CompareCommand.class, QueryCommand.class, ExportCommand.class,
                ReportCommand.class, StoreCommand.class, SweepCommand.class, WorkerCommand.class,
                BenchCommand.class})
final class DjxCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
