package org.djx.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set path=value} overrides to a descriptor tree. The value is parsed as YAML, so
 * {@code 0.01}, {@code true}, {@code [64, 128]} and {@code {type: adam}} are typed exactly like the
 * text they replace. A path may name a key the file leaves out (its default is then replaced), but
 * keys that the schema or the plugin does not know are reported by the binder and the plugin
 * resolver, like any other unknown key, at the override. An index past the end of a list, or a
 * key below a value that is not a mapping, is reported at the position of that list or value.
 *
 * <p>The same paths may be written in a descriptor's {@code overrides:} mapping, applied by
 * {@link DescriptorLoader} after {@code extends} is merged; problems then point into that file.
 */
public final class Overrides {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)|\\[(\\d+)]");

    private Overrides() {}

    /** Applies each override in order; returns the new root (the tree is changed in place). */
    public static Object apply(Object root, List<String> overrides, SourceMap sources) {
        List<Problem> problems = new ArrayList<>();
        for (String override : overrides) {
            root = applyOne(root, override, sources, problems);
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return root;
    }

    /**
     * Applies the {@code overrides:} mapping of a descriptor file: each key is a path as for
     * {@code --set}, each value already parsed; problems point into the file.
     *
     * @param entries the mapping, in file order
     * @param at the descriptor path of the mapping itself (e.g. {@code overrides}), under which
     *     {@code sources} holds the positions of its keys and values
     */
    static Object applyFromFile(Object root, Map<String, Object> entries, String at, SourceMap sources) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            String written = at + "." + entry.getKey();
            Target target = new Target("override '" + entry.getKey() + "'", sources.keyAt(written), written);
            root = set(root, entry.getKey(), entry.getValue(), target, sources, problems);
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return root;
    }

    /**
     * Where an override came from.
     *
     * @param origin how messages name it
     * @param position where it was written
     * @param sourcePath for an override written in a file, the path under which its value's
     *     positions are recorded; {@code null} for the command line
     */
    private record Target(String origin, SourcePosition position, String sourcePath) {}

    private static Object applyOne(Object root, String override, SourceMap sources, List<Problem> problems) {
        String origin = "--set " + override;
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.add(new Problem(SourcePosition.commandLine(origin), "", "expected KEY=VALUE, e.g. --set optimizer.learning_rate=0.01"));
            return root;
        }
        String path = override.substring(0, eq).trim();
        Object value;
        try {
            value = YamlReader.read(override.substring(eq + 1), origin, path).root();
        } catch (DescriptorException e) {
            problems.add(new Problem(SourcePosition.commandLine(origin), path, "the value is not valid YAML"));
            return root;
        }
        return set(root, path, value, new Target(origin, SourcePosition.commandLine(origin), null), sources, problems);
    }

    private static Object set(Object root, String path, Object value, Target target, SourceMap sources, List<Problem> problems) {
        String origin = target.origin();
        List<Object> segments = parsePath(path);
        if (segments == null) {
            problems.add(new Problem(target.position(), path, "not a descriptor path (use names and [index], e.g. model.layers[7].units)"));
            return root;
        }
        if ("extends".equals(segments.get(0)) || "overrides".equals(segments.get(0))) {
            problems.add(new Problem(target.position(), path,
                    segments.get(0) + " is resolved before overrides apply; edit the file instead"));
            return root;
        }
        if (root == null) {
            root = new LinkedHashMap<String, Object>();
        }
        Object node = root;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            String here = at.toString();
            appendSegment(at, segment);
            // A --set path problem points at what the file holds there, so the user sees both; an
            // override written in a file is itself the better place to point at.
            SourcePosition where = target.sourcePath() == null && sources.valueAt(here) != null ? sources.valueAt(here) : target.position();
            String subject = here.isEmpty() ? "the descriptor" : here;
            if (segment instanceof String key) {
                if (!(node instanceof Map)) {
                    problems.add(new Problem(where, here, origin + ": " + subject + " is "
                            + Values.describe(node) + ", not a mapping, so it has no key '" + key + "'"));
                    return root;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) node;
                if (last) {
                    map.put(key, value);
                } else {
                    Object child = map.get(key);
                    if (child == null) {
                        child = new LinkedHashMap<String, Object>();
                        map.put(key, child);
                    } else if (child instanceof String name && segments.get(i + 1) instanceof String) {
                        // A plugin given by bare name ("optimizer: adam") is short for {type: adam}.
                        Map<String, Object> expanded = new LinkedHashMap<>();
                        expanded.put("type", name);
                        map.put(key, expanded);
                        child = expanded;
                        sources.putValue(at + ".type", sources.valueAt(at.toString()));
                    }
                    node = child;
                }
            } else {
                int index = (Integer) segment;
                if (!(node instanceof List)) {
                    problems.add(new Problem(where, here, origin + ": " + subject + " is " + Values.describe(node)
                            + ", not a list, so it has no index [" + index + "]"));
                    return root;
                }
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) node;
                if (index >= list.size()) {
                    problems.add(new Problem(where, here, origin + ": index " + index + " is out of range; " + here
                            + " has " + list.size() + (list.size() == 1 ? " entry" : " entries")
                            + (list.isEmpty() ? "" : " (indexes 0 to " + (list.size() - 1) + ")")));
                    return root;
                }
                if (last) {
                    list.set(index, value);
                } else {
                    node = list.get(index);
                }
            }
        }
        sources.removeSubtree(path);
        if (target.sourcePath() == null) {
            markSubtree(value, path, target.position(), sources);
        } else {
            sources.copySubtree(target.sourcePath(), path);
        }
        return root;
    }

    private static void markSubtree(Object value, String path, SourcePosition position, SourceMap sources) {
        sources.putValue(path, position);
        sources.putKey(path, position);
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> markSubtree(v, path + "." + k, position, sources));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                markSubtree(list.get(i), path + "[" + i + "]", position, sources);
            }
        }
    }

    private static void appendSegment(StringBuilder at, Object segment) {
        if (segment instanceof String key) {
            if (at.length() > 0) {
                at.append('.');
            }
            at.append(key);
        } else {
            at.append('[').append(segment).append(']');
        }
    }

    /** Splits {@code a.b[3].c} into ["a", "b", 3, "c"], or returns {@code null} when malformed. */
    static List<Object> parsePath(String path) {
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        int pos = 0;
        while (pos < path.length()) {
            if (!segments.isEmpty() && path.charAt(pos) == '.') {
                pos++;
            }
            if (!m.find(pos) || m.start() != pos) {
                return null;
            }
            segments.add(m.group(1) != null ? m.group(1) : (Object) Integer.parseInt(m.group(2)));
            pos = m.end();
        }
        return segments.isEmpty() || !(segments.get(0) instanceof String) ? null : segments;
    }
}
