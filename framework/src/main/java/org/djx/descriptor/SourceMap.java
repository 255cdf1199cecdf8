package org.djx.descriptor;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers where each descriptor path was written, so that problems found long after parsing
 * (unknown plugin, impossible shape) still point at the right file, line and column.
 */
public final class SourceMap {

    private final Map<String, SourcePosition> values = new HashMap<>();
    private final Map<String, SourcePosition> keys = new HashMap<>();

    void putValue(String path, SourcePosition position) {
        values.put(path, position);
    }

    void putKey(String path, SourcePosition position) {
        keys.put(path, position);
    }

    void putAll(SourceMap other) {
        values.putAll(other.values);
        keys.putAll(other.keys);
    }

    /** Drops every position at or below {@code path} (a subtree was replaced). */
    void removeSubtree(String path) {
        values.keySet().removeIf(p -> isAtOrBelow(p, path));
        keys.keySet().removeIf(p -> isAtOrBelow(p, path));
    }

    /** Records the positions at and below {@code from} again under {@code to} (a value written at one path stands at another). */
    void copySubtree(String from, String to) {
        copy(values, from, to);
        copy(keys, from, to);
    }

    private static void copy(Map<String, SourcePosition> map, String from, String to) {
        Map<String, SourcePosition> moved = new HashMap<>();
        map.forEach((p, pos) -> {
            if (isAtOrBelow(p, from)) {
                moved.put(to + p.substring(from.length()), pos);
            }
        });
        map.putAll(moved);
    }

    private static boolean isAtOrBelow(String candidate, String path) {
        return candidate.equals(path)
                || candidate.startsWith(path + ".")
                || candidate.startsWith(path + "[");
    }

    /**
     * The position of the value at {@code path}, or of its nearest written ancestor when the value
     * itself was left out (a missing field is reported where its parent is).
     */
    public SourcePosition valueAt(String path) {
        String p = path;
        while (true) {
            SourcePosition pos = values.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return null;
            }
            p = parent(p);
        }
    }

    /** The position of the key that introduced {@code path}, falling back to its value. */
    public SourcePosition keyAt(String path) {
        SourcePosition pos = keys.get(path);
        return pos != null ? pos : valueAt(path);
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
