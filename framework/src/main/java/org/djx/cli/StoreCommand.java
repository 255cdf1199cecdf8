package org.djx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.djx.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx store}: maintenance of the results store file. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Maintain the results store.",
        subcommands = StoreCommand.Backup.class)
final class StoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code djx store backup FILE}. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copy the store to FILE with SQLite's online backup: a consistent snapshot, safe while runs are writing.")
    static final class Backup implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The new file (must not exist).")
        Path target;

        @Mixin
        Environment environment;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ResultStore store = environment.openStore(spec.commandLine().getErr())) {
                store.backup(target);
            }
            spec.commandLine().getOut().println("Backed up " + environment.store + " to " + target + " (integrity checked).");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
