package org.djx.descriptor;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a descriptor file: resolves {@code extends} chains, applies {@code --set} overrides and
 * binds the result to an {@link Experiment} with defaults applied.
 *
 * <p>{@code extends: base.yaml} (relative to the file) merges the base under the file: mappings
 * merge key by key, anything else (lists included) is replaced whole, and so is a plugin mapping
 * whose {@code type} the file changes. Bases may extend further bases; a cycle is an error. A file
 * may also hold {@code overrides:}, a mapping of {@code --set}-style paths to values applied after
 * the merge, to change one entry of an inherited list ({@code model.layers[7].units: 512}).
 */
public final class DescriptorLoader {

    private DescriptorLoader() {}

    /** The bound experiment and every structural problem found while binding it. */
    public record Result(Experiment experiment, List<Problem> problems) {}

    /**
     * Loads and binds a descriptor.
     *
     * @throws DescriptorException when the file cannot be read or parsed, or an override is malformed;
     *     schema problems are returned in {@link Result#problems()} so callers can add their own
     */
    public static Result load(Path file, List<String> overrides) {
        SourceMap sources = new SourceMap();
        Object tree = readWithExtends(file, sources, new LinkedHashSet<>());
        tree = Overrides.apply(tree, overrides, sources);
        if (tree == null) {
            throw new DescriptorException(new Problem(new SourcePosition(file.toString(), 1, 1), "",
                    "the descriptor is empty; it needs at least dataset: and model: (see experiments/README.md)"));
        }
        List<Problem> problems = new ArrayList<>();
        Experiment experiment = new ExperimentBinder(sources, problems).bind(tree, defaultName(file));
        return new Result(experiment, Problem.inReadingOrder(problems));
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Object readWithExtends(Path file, SourceMap sources, Set<Path> chain) {
        Path normal = file.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new DescriptorException(new Problem(null, "", file + " is a directory; give a descriptor file (.yaml) inside it"));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DescriptorException(new Problem(null, "", "descriptor file not found: " + file));
        } catch (MalformedInputException e) {
            throw new DescriptorException(new Problem(new SourcePosition(file.toString(), 0, 0), "", "not a UTF-8 text file"));
        } catch (IOException e) {
            throw new DescriptorException(new Problem(null, "", "cannot read descriptor " + file + ": " + e.getMessage()));
        }
        if (!chain.add(normal)) {
            throw new DescriptorException(new Problem(null, "extends", "extends cycle: " + cycle(chain, normal)));
        }
        YamlReader.Document doc = YamlReader.read(text, file.toString(), "");
        Object root = doc.root();
        if (root != null && !(root instanceof Map)) {
            throw new DescriptorException(new Problem(doc.sources().valueAt(""), "",
                    "a descriptor is a mapping of keys (name:, dataset:, model:, ...), got " + Values.describe(root)));
        }
        if (root instanceof Map<?, ?> map && map.get("extends") != null) {
            Object target = map.get("extends");
            if (!(target instanceof String base)) {
                throw new DescriptorException(new Problem(doc.sources().valueAt("extends"), "extends",
                        "expected the path of another descriptor, got " + Values.describe(target)));
            }
            // Relative to the extending file, and printed the way that file was named.
            Path basePath = (file.getParent() == null ? Path.of(base) : file.getParent().resolve(base)).normalize();
            if (!Files.isRegularFile(basePath)) {
                throw new DescriptorException(new Problem(doc.sources().valueAt("extends"), "extends",
                        (Files.isDirectory(basePath) ? "'" + base + "' is a directory, not a descriptor to extend"
                                : "descriptor to extend not found: " + basePath)));
            }
            if (chain.contains(basePath.toAbsolutePath().normalize())) {
                throw new DescriptorException(new Problem(doc.sources().valueAt("extends"), "extends",
                        "extends cycle: " + cycle(chain, basePath.toAbsolutePath().normalize())));
            }
            SourceMap baseSources = new SourceMap();
            Object baseTree = readWithExtends(basePath, baseSources, chain);
            sources.putAll(baseSources);
            @SuppressWarnings("unchecked")
            Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) map);
            child.remove("extends");
            root = merge(baseTree, child, "", sources);
        }
        sources.putAll(doc.sources());
        root = applyFileOverrides(root, doc.sources(), sources);
        chain.remove(normal);
        return root;
    }

    /** Applies and removes the file's {@code overrides:} mapping (paths into what it extends). */
    @SuppressWarnings("unchecked")
    private static Object applyFileOverrides(Object root, SourceMap fileSources, SourceMap sources) {
        if (!(root instanceof Map<?, ?> map) || !map.containsKey("overrides")) {
            return root;
        }
        Map<String, Object> tree = (Map<String, Object>) map;
        Object entries = tree.remove("overrides");
        if (entries == null) {
            return root;
        }
        if (!(entries instanceof Map<?, ?> m)) {
            throw new DescriptorException(new Problem(fileSources.valueAt("overrides"), "overrides",
                    "expected a mapping of descriptor paths to values, e.g. model.layers[7].units: 512; got " + Values.describe(entries)));
        }
        return Overrides.applyFromFile(tree, (Map<String, Object>) m, "overrides", sources);
    }

    private static String cycle(Set<Path> chain, Path back) {
        List<String> names = new ArrayList<>();
        chain.forEach(p -> names.add(p.getFileName().toString()));
        names.add(back.getFileName().toString());
        return String.join(" -> ", names);
    }

    /** A plugin mapping whose {@code type} changes is replaced whole: the old parameters belong to the old plugin. */
    private static boolean sameType(Map<?, ?> base, Map<?, ?> override) {
        Object type = override.get("type");
        return type == null || type.equals(base.get("type"));
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object base, Object override, String path, SourceMap sources) {
        if (base instanceof Map<?, ?> b && override instanceof Map<?, ?> o && sameType(b, o)) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) b);
            for (Map.Entry<String, Object> e : ((Map<String, Object>) o).entrySet()) {
                String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.put(e.getKey(), merge(out.get(e.getKey()), e.getValue(), childPath, sources));
            }
            return out;
        }
        // Replaced whole: positions inherited from the base no longer apply.
        if (base != null) {
            sources.removeSubtree(path);
        }
        return override;
    }
}
