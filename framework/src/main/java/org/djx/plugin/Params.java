package org.djx.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's parameters after validation against its {@link ParamSpec}s, with defaults applied.
 * Accessors return the declared type; asking for an undeclared parameter or the wrong type is a
 * programming error in the plugin and throws {@link PluginParameterException} naming it.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Params {

    private final Map<String, Object> values;
    private final Map<String, List<LayerInstance>> layers;

    /**
     * @param values parameter name to value: {@link Long}, {@link Double}, {@link Boolean},
     *     {@link String} or a {@link List} of {@link Long}
     * @param layers resolved nested layers of {@link ParamType#LAYERS} parameters
     */
    public Params(Map<String, Object> values, Map<String, List<LayerInstance>> layers) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /** Parameters with no nested layers; handy in tests. */
    public static Params of(Map<String, Object> values) {
        return new Params(values, Map.of());
    }

    /** Every parameter with its effective value, in declaration order (nested layers excluded). */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Every {@link ParamType#LAYERS} parameter with its resolved layers, in declaration order. */
    public Map<String, List<LayerInstance>> layerLists() {
        return layers;
    }

    /** Whether the parameter has a value (given, or defaulted). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new PluginParameterException(name, "has no value and no default");
        }
        return v;
    }

    public long getLong(String name) {
        Object v = get(name);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new PluginParameterException(name, "expected an integer, got " + v);
    }

    public int getInt(String name) {
        long value = getLong(name);
        if (value != (int) value) {
            throw new PluginParameterException(name, "must be at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    public double getDouble(String name) {
        Object v = get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new PluginParameterException(name, "expected a number, got " + v);
    }

    public float getFloat(String name) {
        return (float) getDouble(name);
    }

    public boolean getBoolean(String name) {
        Object v = get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new PluginParameterException(name, "expected true or false, got " + v);
    }

    public String getString(String name) {
        return get(name).toString();
    }

    /**
     * An {@link ParamType#INTS} value spread over {@code dims} dimensions: {@code 5} gives
     * {@code [5, 5]} for two, {@code [5, 3]} stays as it is.
     */
    public long[] getInts(String name, int dims) {
        Object v = get(name);
        long[] out = new long[dims];
        if (v instanceof Number n) {
            java.util.Arrays.fill(out, n.longValue());
            return out;
        }
        if (v instanceof List<?> list && list.size() == dims) {
            for (int i = 0; i < dims; i++) {
                out[i] = ((Number) list.get(i)).longValue();
            }
            return out;
        }
        throw new PluginParameterException(name, "expected one integer or a list of " + dims + ", got " + v);
    }

    /** The nested layers of a {@link ParamType#LAYERS} parameter, resolved by the framework. */
    public List<LayerInstance> layers(String name) {
        List<LayerInstance> list = layers.get(name);
        if (list == null) {
            throw new PluginParameterException(name, "is not a list of layers");
        }
        return list;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
