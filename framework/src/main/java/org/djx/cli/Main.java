package org.djx.cli;

import picocli.CommandLine;

/** Entry point of the {@code djx} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit status (tests call this directly). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The {@code djx} command line, configured as the launcher runs it. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DjxCommand());
        cli.setExecutionExceptionHandler(new UserErrors());
        cli.setParameterExceptionHandler(new UserErrors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
