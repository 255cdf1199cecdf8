package org.djx.descriptor;

/**
 * Where a value came from: a descriptor file with a 1-based line and column, or a command-line
 * override (line 0).
 */
public record SourcePosition(String source, int line, int column) {

    /** A position for something given on the command line, e.g. {@code --set a.b=1}. */
    public static SourcePosition commandLine(String what) {
        return new SourcePosition(what, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
