package org.djx.cli;

import java.io.PrintWriter;
import org.djx.descriptor.DescriptorException;
import org.djx.plugin.DatasetException;
import org.djx.plugin.PluginException;
import org.djx.store.StoreException;
import org.djx.sweep.SweepException;
import org.djx.training.TrainingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Turns every failure into a message and an exit status, never a stack trace for a mistake the
 * user can fix. Exit 2: the user's input (descriptor, plugins, data, store, arguments); exit 1:
 * anything else, with the stack trace only when {@code DJX_DEBUG} is set.
 */
final class UserErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int USAGE = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (isUserError(e)) {
            for (String line : e.getMessage().split("\n")) {
                err.println(line.startsWith("djx: ") ? line : "djx: " + line);
            }
            err.flush();
            return USAGE;
        }
        err.println("djx: internal error: " + e);
        if (System.getenv("DJX_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("djx: set DJX_DEBUG=1 to see the stack trace");
        }
        err.flush();
        return FAILED;
    }

    static boolean isUserError(Throwable e) {
        return e instanceof DescriptorException || e instanceof PluginException || e instanceof DatasetException
                || e instanceof StoreException || e instanceof TrainingException || e instanceof UserException
                || e instanceof SweepException;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("djx: " + e.getMessage());
        cli.getErr().println("djx: see '" + cli.getCommandSpec().qualifiedName() + " --help'");
        cli.getErr().flush();
        return USAGE;
    }
}
