package org.djx.plugin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.djx.descriptor.Names;
import org.djx.descriptor.PluginSpec;
import org.djx.descriptor.Problem;
import org.djx.descriptor.SourceMap;
import org.djx.descriptor.Values;
import org.djx.plugin.LayerInstance;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;
import org.djx.plugin.Plugin;
import org.djx.plugin.PluginKind;
import org.djx.plugin.PluginParameterException;

/**
 * Resolves the plugin references of a descriptor against the catalog and checks their parameters
 * against each plugin's declared {@link ParamSpec}s, collecting a {@link Problem} per mistake.
 */
public final class PluginResolver {

    private final PluginCatalog catalog;
    private final SourceMap sources;
    private final List<Problem> problems;

    public PluginResolver(PluginCatalog catalog, SourceMap sources, List<Problem> problems) {
        this.catalog = catalog;
        this.sources = sources;
        this.problems = problems;
    }

    /** A plugin with its validated parameters. */
    public record Resolved<T extends Plugin>(String type, T plugin, Params params, PluginSpec spec) {}

    /** Resolves one reference, or returns {@code null} after recording why it cannot be. */
    public <T extends Plugin> Resolved<T> resolve(PluginKind kind, PluginSpec spec) {
        return resolve(kind, spec, Set.of());
    }

    /**
     * Resolves a reference whose mapping also holds framework keys (e.g. {@code learning_rate} next
     * to an optimizer's parameters), so a misspelt framework key is suggested and listed too.
     */
    public <T extends Plugin> Resolved<T> resolve(PluginKind kind, PluginSpec spec, Set<String> frameworkKeys) {
        if (spec == null) {
            return null;
        }
        T plugin = catalog.find(kind, spec.type());
        if (plugin == null) {
            List<String> known = catalog.names(kind);
            problems.add(new Problem(sources.valueAt(spec.pathOf("type")), spec.pathOf("type"),
                    "unknown " + kind.label() + " '" + spec.type() + "'" + Names.suggestion(spec.type(), known)
                            + " (known: " + String.join(", ", known) + ")"));
            return null;
        }
        int before = problems.size();
        Params params = bind(plugin, spec, frameworkKeys);
        if (problems.size() == before) {
            try {
                plugin.validate(params);
            } catch (PluginParameterException e) {
                String path = spec.pathOf(e.parameter());
                problems.add(new Problem(sources.valueAt(path), path, e.getMessage()));
            }
        }
        return problems.size() == before ? new Resolved<>(spec.type(), plugin, params, spec) : null;
    }

    /** Resolves a layer for use inside another (composite) layer. */
    public LayerInstance layer(PluginSpec spec) {
        Resolved<LayerPlugin> r = resolve(PluginKind.LAYER, spec);
        return r == null ? null : new LayerInstance(r.type(), r.plugin(), r.params());
    }

    private Params bind(Plugin plugin, PluginSpec spec, Set<String> frameworkKeys) {
        Map<String, ParamSpec> declared = new LinkedHashMap<>();
        plugin.parameters().forEach(p -> declared.put(p.name(), p));
        Set<String> allowed = new LinkedHashSet<>(declared.keySet());
        allowed.addAll(new TreeSet<>(frameworkKeys));
        for (String given : spec.params().keySet()) {
            if (!declared.containsKey(given)) {
                String known = allowed.isEmpty() ? " (it takes no parameters)" : " (known: " + String.join(", ", allowed) + ")";
                problems.add(new Problem(sources.keyAt(spec.pathOf(given)), spec.pathOf(given),
                        "'" + spec.type() + "' has no parameter '" + given + "'" + Names.suggestion(given, allowed) + known));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<LayerInstance>> layers = new LinkedHashMap<>();
        for (ParamSpec p : declared.values()) {
            String path = spec.pathOf(p.name());
            Object raw = spec.params().get(p.name());
            if (raw == null) {
                if (p.required()) {
                    problems.add(new Problem(sources.valueAt(spec.path()), path,
                            "'" + spec.type() + "' needs parameter '" + p.name() + "' (" + p.description() + ")"));
                }
                if (p.defaultValue() != null) {
                    values.put(p.name(), p.defaultValue());
                }
                continue;
            }
            if (p.type() == ParamType.LAYERS) {
                layers.put(p.name(), nestedLayers(raw, path));
                continue;
            }
            Object value = check(p, raw, path);
            if (value != null) {
                values.put(p.name(), value);
            }
        }
        return new Params(values, layers);
    }

    private List<LayerInstance> nestedLayers(Object raw, String path) {
        List<LayerInstance> out = new ArrayList<>();
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            problems.add(new Problem(sources.valueAt(path), path, "expected a non-empty list of layers, got " + Values.describe(raw)));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Object item = list.get(i);
            if (!(item instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)) {
                problems.add(new Problem(sources.valueAt(itemPath), itemPath, "expected a layer with a 'type'"));
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!"type".equals(k)) {
                    params.put((String) k, v);
                }
            });
            LayerInstance layer = layer(new PluginSpec(type, params, itemPath));
            if (layer != null) {
                out.add(layer);
            }
        }
        return out;
    }

    /** The value converted to its declared type, or {@code null} after recording a problem. */
    private Object check(ParamSpec p, Object raw, String path) {
        String error = null;
        Object value = raw;
        switch (p.type()) {
            case INT -> {
                Long l = Values.asLong(raw);
                if (l == null) {
                    error = "expected an integer, got " + Values.describe(raw);
                } else {
                    value = l;
                    error = intRange(p, l);
                }
            }
            case NUMBER -> {
                Double d = Values.asDouble(raw);
                if (d == null || d.isNaN()) {
                    error = "expected a number, got " + Values.describe(raw);
                } else {
                    value = d;
                    error = range(p, d);
                }
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean)) {
                    error = "expected true or false, got " + Values.describe(raw);
                }
            }
            case STRING -> {
                if (!(raw instanceof String s)) {
                    error = "expected a string, got " + Values.describe(raw);
                } else {
                    error = choice(p, s);
                }
            }
            case INTS -> {
                List<Long> ints = new ArrayList<>();
                List<?> items = raw instanceof List<?> l ? l : List.of(raw);
                for (Object item : items) {
                    Long l = Values.asLong(item);
                    if (l == null) {
                        error = "expected an integer or a list of integers, got " + Values.describe(raw);
                        break;
                    }
                    ints.add(l);
                    String r = intRange(p, l);
                    error = error == null ? r : error;
                }
                if (items.isEmpty()) {
                    error = "expected an integer or a list of integers, got an empty list";
                }
                value = raw instanceof List ? List.copyOf(ints) : (ints.isEmpty() ? null : ints.get(0));
            }
            case INT_OR_CHOICE -> {
                Long l = Values.asLong(raw);
                if (l != null) {
                    value = l;
                    error = intRange(p, l);
                } else if (raw instanceof String s) {
                    error = choice(p, s);
                } else {
                    error = "expected an integer or one of " + p.choices() + ", got " + Values.describe(raw);
                }
            }
            case LAYERS -> throw new IllegalStateException("handled by nestedLayers");
        }
        if (error != null) {
            problems.add(new Problem(sources.valueAt(path), path, error));
            return null;
        }
        return value;
    }

    /** The declared range, and first that of a Java {@code int}, which {@code Params.getInt} returns. */
    private static String intRange(ParamSpec p, long v) {
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            return "must be " + (v > 0 ? "at most " + Integer.MAX_VALUE : "at least " + Integer.MIN_VALUE) + ", got " + v;
        }
        return range(p, v);
    }

    private static String range(ParamSpec p, double v) {
        boolean low = p.min() != null && v < p.min();
        boolean high = p.max() != null && (v > p.max() || (p.maxExclusive() && v == p.max()));
        return low || high ? "must be in " + p.rangeText() + ", got " + Values.number(v) : null;
    }

    private static String choice(ParamSpec p, String s) {
        if (p.choices().isEmpty() || p.choices().contains(s)) {
            return null;
        }
        return "'" + s + "' is not one of " + p.choices() + Names.suggestion(s, p.choices());
    }
}
