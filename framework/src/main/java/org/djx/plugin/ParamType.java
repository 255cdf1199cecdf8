package org.djx.plugin;

/** The type of a plugin parameter, as a descriptor may write it. */
public enum ParamType {
    /** A whole number: {@code 32}. */
    INT("integer"),
    /** Any number: {@code 0.001}, {@code 1e-4}, {@code 3}. */
    NUMBER("number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** Text; with {@link ParamSpec#choices()} one of a fixed set. */
    STRING("string"),
    /** One whole number or a list of them, one per spatial dimension: {@code 5} or {@code [5, 3]}. */
    INTS("integer or list of integers"),
    /** Either one of {@link ParamSpec#choices()} or a whole number, e.g. padding {@code same} or {@code 2}. */
    INT_OR_CHOICE("integer or name"),
    /** A list of layer entries, for composite layers that hold layers of their own. */
    LAYERS("list of layers");

    private final String label;

    ParamType(String label) {
        this.label = label;
    }

    /** The name used in messages and in {@code djx plugins}. */
    public String label() {
        return label;
    }
}
