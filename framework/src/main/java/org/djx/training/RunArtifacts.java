package org.djx.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The files a run keeps under {@code ARTIFACTS/RUN_ID/}: the best and the last parameters
 * ({@code best.params}, {@code last.params}, DJL's block format), where the last checkpoint stands
 * ({@code last.json}), the effective descriptor ({@code descriptor.json}) and the class names
 * ({@code classes.json}) that resume, evaluate and predict need. Every file is written to a
 * temporary name and moved into place, so a signal never leaves half a checkpoint.
 */
public final class RunArtifacts {

    public static final String BEST = "best";
    public static final String LAST = "last";
    public static final String DESCRIPTOR = "descriptor";
    public static final String CLASSES = "classes";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    /** Where the last checkpoint stands: evaluations finished and optimizer steps taken. */
    public record Position(int evaluation, long step) {}

    public RunArtifacts(Path root, long runId) {
        this.dir = root.resolve(Long.toString(runId));
    }

    public Path dir() {
        return dir;
    }

    /** The file behind an artifact name: {@code best}, {@code last} -> .params, others -> .json. */
    public Path file(String name) {
        return dir.resolve(name + (name.equals(BEST) || name.equals(LAST) ? ".params" : ".json"));
    }

    void saveParameters(String name, Block block) throws IOException {
        write(file(name), out -> {
            try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out))) {
                block.saveParameters(data);
            }
        });
    }

    /** Replaces artifact {@code to} with a copy of artifact {@code from}, as atomically as every write here. */
    void copy(String from, String to) throws IOException {
        write(file(to), out -> Files.copy(file(from), out));
    }

    /** Loads parameters saved by {@link #saveParameters} into an initialized block of the same shape. */
    public void loadParameters(String name, Block block, NDManager manager) {
        Path file = file(name);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new TrainingException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    void savePosition(Position position) throws IOException {
        writeJson(LAST_POSITION, Map.of("evaluation", position.evaluation(), "step", position.step()));
    }

    private static final String LAST_POSITION = "last";

    /** The position of {@code last.params}, or {@code null} when the run has no checkpoint. */
    public Position lastPosition() {
        Path json = dir.resolve(LAST_POSITION + ".json");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(file(LAST))) {
            return null;
        }
        Map<?, ?> map = readJson(json, Map.class);
        return new Position(((Number) map.get("evaluation")).intValue(), ((Number) map.get("step")).longValue());
    }

    void saveDescriptor(String json) throws IOException {
        write(file(DESCRIPTOR), out -> out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    void saveClasses(List<String> classes) throws IOException {
        writeJson(CLASSES, classes);
    }

    /** The class names in label order. */
    @SuppressWarnings("unchecked")
    public List<String> classes() {
        return readJson(file(CLASSES), List.class);
    }

    private void writeJson(String name, Object value) throws IOException {
        write(dir.resolve(name + ".json"), out -> JSON.writeValue(out, value));
    }

    private static <T> T readJson(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new TrainingException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private void write(Path target, Writer writer) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether the artifact file exists. */
    public boolean has(String name) {
        return Files.isRegularFile(file(name));
    }
}
