package org.djx.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed descriptor under {@code src/test/resources/descriptors/bad} goes through
 * {@code djx validate} with the real plugins and must fail the way its header says.
 *
 * <p>Header lines, at the top of each file:
 *
 * <pre>
 * # expect: LOCATION PATH MESSAGE-FRAGMENT   (one or more; each must be printed)
 * # args: --set KEY=VALUE ...                (optional extra arguments)
 * </pre>
 *
 * LOCATION is {@code LINE:COLUMN} in the file itself, {@code OTHER-FILE:LINE:COLUMN} relative to
 * it, or {@code --set KEY=VALUE} for a problem in an override; PATH is the field path, {@code -}
 * for none. The problem line must read {@code LOCATION: PATH: ...MESSAGE-FRAGMENT...}.
 */
class BadDescriptorsTest {

    static final Path BAD = Path.of("src", "test", "resources", "descriptors", "bad");

    static Stream<Path> badDescriptors() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.yaml")).sorted().toList().stream();
        }
    }

    /** {@code djx run} refuses the same descriptors before it opens the store, so nothing is left behind. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badDescriptors")
    void runRefusesThemBeforeTouchingTheStore(Path file) throws IOException {
        Path store = dir.resolve("results").resolve("djx.db");
        List<String> args = arguments("run", file);
        args.addAll(List.of("--store", store.toString()));

        CliOutput result = CliOutput.run(args.toArray(String[]::new));

        assertEquals(2, result.status(), result.err());
        assertFalse(result.hasStackTrace(), "no stack trace:\n" + result.err());
        assertTrue(result.err().startsWith("djx: "), result.err());
        assertFalse(Files.exists(store), "no store was created");
    }

    private static List<String> header(Path file, String prefix) throws IOException {
        return Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("# "))
                .filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim()).toList();
    }

    private static List<String> arguments(String command, Path file) throws IOException {
        List<String> args = new ArrayList<>(List.of(command, file.toString()));
        for (String extra : header(file, "# args: ")) {
            args.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return args;
    }

    @Test
    void thereAreAtLeastTwentyBadDescriptors() throws IOException {
        assertTrue(badDescriptors().count() >= 20);
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDescriptors")
    void failsWithExitTwoAtTheRightPlace(Path file) throws IOException {
        List<String> expectations = header(file, "# expect: ");
        assertFalse(expectations.isEmpty(), file + " has no '# expect:' line");

        CliOutput result = CliOutput.run(arguments("validate", file).toArray(String[]::new));

        assertEquals(2, result.status(), file + " should fail with exit 2; printed:\n" + result.err() + result.out());
        assertFalse(result.hasStackTrace(), "no stack trace:\n" + result.err());
        assertFalse(result.out().contains(": ok"), result.out());
        List<String> printed = result.err().lines().toList();
        for (String expectation : expectations) {
            String[] parts = expectation.split(" ", 3);
            String location = parts[0];
            String path = parts[1];
            String fragment = parts[2];
            if (location.equals("--set")) {
                String[] rest = expectation.split(" ", 4);
                location = "--set " + rest[1];
                path = rest[2];
                fragment = rest[3];
            } else if (location.chars().filter(c -> c == ':').count() == 2) {
                int cut = location.indexOf(':');
                location = file.getParent().resolve(location.substring(0, cut)).normalize() + location.substring(cut);
            } else {
                location = file + ":" + location;
            }
            String prefix = location + ": " + (path.equals("-") ? "" : path + ": ");
            String wanted = fragment;
            assertTrue(printed.stream().anyMatch(l -> l.startsWith(prefix) && l.contains(wanted)),
                    "expected a line starting '" + prefix + "' containing '" + wanted + "'; printed:\n" + result.err());
        }
    }
}
