package org.djx.plugin;

import java.util.List;

/**
 * Declares one parameter a plugin accepts, so the framework can validate a descriptor before
 * training and {@code djx plugins} can document it. Build with {@link #of} and the {@code with*}
 * methods:
 *
 * <pre>{@code
 * ParamSpec.of("filters", ParamType.INT, "Number of output channels.").mandatory().atLeast(1)
 * }</pre>
 *
 * @param name the key in the descriptor (snake_case)
 * @param type what the value may be
 * @param description one sentence for the documentation
 * @param defaultValue the value used when the key is left out; {@code null} for none
 * @param required whether the key must be given
 * @param min smallest allowed number, or {@code null}
 * @param max largest allowed number, or {@code null}
 * @param maxExclusive whether {@code max} itself is excluded (e.g. dropout rate in [0, 1))
 * @param choices allowed names for {@link ParamType#STRING} and {@link ParamType#INT_OR_CHOICE}
 */
public record ParamSpec(
        String name,
        ParamType type,
        String description,
        Object defaultValue,
        boolean required,
        Double min,
        Double max,
        boolean maxExclusive,
        List<String> choices) {

    public ParamSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** An optional parameter with no default, no range and no fixed choices. */
    public static ParamSpec of(String name, ParamType type, String description) {
        return new ParamSpec(name, type, description, null, false, null, null, false, List.of());
    }

    /** The parameter must be given; it has no default. */
    public ParamSpec mandatory() {
        return new ParamSpec(name, type, description, null, true, min, max, maxExclusive, choices);
    }

    public ParamSpec withDefault(Object value) {
        return new ParamSpec(name, type, description, value, false, min, max, maxExclusive, choices);
    }

    /** Values (each element, for lists) must be at least {@code value}. */
    public ParamSpec atLeast(double value) {
        return new ParamSpec(name, type, description, defaultValue, required, value, max, maxExclusive, choices);
    }

    public ParamSpec atMost(double value) {
        return new ParamSpec(name, type, description, defaultValue, required, min, value, false, choices);
    }

    public ParamSpec below(double value) {
        return new ParamSpec(name, type, description, defaultValue, required, min, value, true, choices);
    }

    public ParamSpec withChoices(String... names) {
        return new ParamSpec(name, type, description, defaultValue, required, min, max, maxExclusive, List.of(names));
    }

    /** The allowed range as text, e.g. {@code [0, 1)}, or an empty string. */
    public String rangeText() {
        if (min == null && max == null) {
            return "";
        }
        return (min == null ? "(-inf" : "[" + fmt(min)) + ", " + (max == null ? "inf)" : fmt(max) + (maxExclusive ? ")" : "]"));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
