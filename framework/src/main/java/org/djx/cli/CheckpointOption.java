package org.djx.cli;

import org.djx.training.RunArtifacts;
import picocli.CommandLine.Option;

/** {@code --checkpoint best|last}: which stored model of a run {@code evaluate} and {@code predict} load. */
final class CheckpointOption {

    @Option(names = "--checkpoint", paramLabel = "NAME", defaultValue = RunArtifacts.BEST, description = "best or last (default: ${DEFAULT-VALUE}).")
    String name = RunArtifacts.BEST;

    /** The checkpoint asked for; any name but best or last is the user's mistake. */
    String name() {
        if (!name.equals(RunArtifacts.BEST) && !name.equals(RunArtifacts.LAST)) {
            throw new UserException("--checkpoint must be best or last, not '" + name + "'");
        }
        return name;
    }
}
