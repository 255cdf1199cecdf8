package org.djx.descriptor;

import java.util.List;
import java.util.Map;

/** Small helpers to describe and convert the plain values a YAML document holds. */
public final class Values {

    private Values() {}

    /** How a value reads in a message: {@code 'abc' (a string)}, {@code 3 (an integer)}. */
    public static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String s) {
            return "'" + s + "' (a string)";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value + " (an integer)";
        }
        if (value instanceof Number) {
            return value + " (a number)";
        }
        if (value instanceof Boolean) {
            return value + " (a boolean)";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return value.toString();
    }

    /**
     * The value as a long when it is a whole number (3 or 3.0) that a long can hold, else {@code
     * null}; a number too large for a long (1e23) is not silently clamped to {@link Long#MAX_VALUE}.
     */
    public static Long asLong(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        return null;
    }

    /** A number as a message prints it: {@code 3} for a whole one, {@code 0.001}, {@code Infinity}. */
    public static String number(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The value as a double when it is a number, else {@code null}. */
    public static Double asDouble(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
