package org.djx.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one mapping in a descriptor, collecting a {@link Problem} for each wrong
 * value instead of stopping at the first. Every key read is remembered, so {@link #finish()} can
 * report the keys nobody asked for as unknown, with the nearest known key suggested.
 */
final class Fields {

    private final Map<String, Object> map;
    private final String path;
    private final SourceMap sources;
    private final List<Problem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    Fields(Object value, String path, SourceMap sources, List<Problem> problems) {
        this.path = path;
        this.sources = sources;
        this.problems = problems;
        if (value == null) {
            this.map = Map.of();
        } else if (value instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            this.map = typed;
        } else {
            this.map = Map.of();
            problem(path, "expected a mapping of keys to values, got " + Values.describe(value));
        }
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        return map.get(key) != null;
    }

    Object raw(String key) {
        known.add(key);
        return map.get(key);
    }

    void problem(String fieldPath, String message) {
        problems.add(new Problem(sources.valueAt(fieldPath), fieldPath, message));
    }

    String string(String key, String defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        problem(pathOf(key), "expected a string, got " + Values.describe(v));
        return defaultValue;
    }

    String requiredString(String key) {
        if (raw(key) == null) {
            problem(pathOf(key), "is required");
            return null;
        }
        return string(key, null);
    }

    /** A string that must be one of {@code choices} (case-insensitive); returns the canonical spelling. */
    String choice(String key, String defaultValue, List<String> choices) {
        String s = string(key, defaultValue);
        if (s == null) {
            return null;
        }
        for (String c : choices) {
            if (c.equalsIgnoreCase(s)) {
                return c;
            }
        }
        problem(pathOf(key), "'" + s + "' is not one of " + choices + Names.suggestion(s, choices));
        return defaultValue;
    }

    long integer(String key, long defaultValue, long min) {
        Long v = optionalInteger(key, min);
        return v == null ? defaultValue : v;
    }

    /** A whole number that must also fit a Java {@code int} (sizes and counts), so it is never wrapped round. */
    int smallInteger(String key, int defaultValue, int min) {
        Long v = optionalInteger(key, min, Integer.MAX_VALUE);
        return v == null ? defaultValue : v.intValue();
    }

    Long optionalInteger(String key, long min) {
        return optionalInteger(key, min, Long.MAX_VALUE);
    }

    Long optionalInteger(String key, long min, long max) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        Long l = Values.asLong(v);
        if (l == null && v instanceof Double d && !d.isInfinite() && d == Math.rint(d)) {
            problem(pathOf(key), (d < 0 ? "must be at least " + min : "must be at most " + max) + ", got " + v);
            return null;
        }
        if (l == null) {
            problem(pathOf(key), "expected an integer, got " + Values.describe(v));
            return null;
        }
        if (l < min) {
            problem(pathOf(key), "must be at least " + min + ", got " + l);
            return null;
        }
        if (l > max) {
            problem(pathOf(key), "must be at most " + max + ", got " + l);
            return null;
        }
        return l;
    }

    /** A number in [min, max) when {@code maxExclusive}, else [min, max]. */
    double number(String key, double defaultValue, double min, double max, boolean maxExclusive) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        Double d = Values.asDouble(v);
        if (d == null || d.isNaN()) {
            problem(pathOf(key), "expected a number, got " + Values.describe(v));
            return defaultValue;
        }
        if (d < min || d > max || (maxExclusive && d == max)) {
            problem(pathOf(key), "must be in [" + Values.number(min) + ", " + Values.number(max) + (maxExclusive ? ")" : "]") + ", got " + v);
            return defaultValue;
        }
        return d;
    }

    boolean bool(String key, boolean defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problem(pathOf(key), "expected true or false, got " + Values.describe(v));
        return defaultValue;
    }

    List<String> strings(String key) {
        Object v = raw(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof String s) {
            out.add(s);
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problem(pathOf(key), "expected a list of strings, got " + Values.describe(v));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String || item instanceof Number) {
                out.add(item.toString());
            } else {
                problem(pathOf(key) + "[" + i + "]", "expected a string, got " + Values.describe(item));
            }
        }
        return out;
    }

    List<Object> list(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        problem(pathOf(key), "expected a list, got " + Values.describe(v));
        return null;
    }

    /**
     * A plugin reference: either a bare name ({@code loss: l2}) or a mapping with {@code type} and
     * the plugin's parameters. Keys in {@code reserved} belong to the framework and are left out.
     */
    PluginSpec plugin(String key, String defaultType, Set<String> reserved) {
        Object v = raw(key);
        String p = pathOf(key);
        return pluginAt(v, p, defaultType, reserved);
    }

    PluginSpec pluginAt(Object v, String p, String defaultType, Set<String> reserved) {
        if (v == null) {
            return defaultType == null ? null : new PluginSpec(defaultType, Map.of(), p);
        }
        if (v instanceof String s) {
            return new PluginSpec(s, Map.of(), p);
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(new Problem(sources.valueAt(p), p, "expected a plugin name or a mapping with 'type', got " + Values.describe(v)));
            return null;
        }
        Object type = m.get("type");
        if (type == null && defaultType == null) {
            String misspelt = m.keySet().stream().map(Object::toString)
                    .filter(k -> Names.nearest(k, List.of("type")) != null).findFirst().orElse(null);
            problems.add(new Problem(sources.valueAt(p), p + ".type", "is required (the plugin's short name)"
                    + (misspelt == null ? "" : "; is '" + misspelt + "' meant to be 'type'?")));
            return null;
        }
        if (type != null && !(type instanceof String)) {
            problems.add(new Problem(sources.valueAt(p + ".type"), p + ".type", "expected a plugin name, got " + Values.describe(type)));
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        m.forEach((k, val) -> {
            if (!"type".equals(k) && !reserved.contains(k)) {
                params.put((String) k, val);
            }
        });
        return new PluginSpec(type == null ? defaultType : (String) type, params, p);
    }

    /** Reports every key of this mapping that no accessor asked for. */
    void finish() {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                String p = pathOf(key);
                problems.add(new Problem(sources.keyAt(p), p, "unknown key '" + key + "'" + Names.suggestion(key, known)
                        + (Names.nearest(key, known) == null ? " (known keys: " + String.join(", ", known) + ")" : "")));
            }
        }
    }
}
