package org.djx.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: write a descriptor, load it, and pick out problems. */
final class DescriptorFiles {

    private DescriptorFiles() {}

    static Path write(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a descriptor that must have no schema problems. */
    static Experiment load(Path file, String... overrides) {
        DescriptorLoader.Result r = DescriptorLoader.load(file, List.of(overrides));
        assertEquals(List.of(), r.problems());
        return r.experiment();
    }

    /** The schema problems of a descriptor that loads. */
    static List<Problem> problems(Path file, String... overrides) {
        return DescriptorLoader.load(file, List.of(overrides)).problems();
    }

    /** The problems of a descriptor that cannot even be loaded. */
    static List<Problem> failure(Path file, String... overrides) {
        return assertThrows(DescriptorException.class, () -> DescriptorLoader.load(file, List.of(overrides))).problems();
    }

    static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
