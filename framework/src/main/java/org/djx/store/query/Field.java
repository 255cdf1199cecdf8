package org.djx.store.query;

import java.util.List;
import java.util.Locale;

/**
 * Something a run can be filtered or sorted on: {@code params.KEY}, {@code metrics.NAME} (value at
 * the last stored epoch), {@code metrics.NAME.best} (best over all epochs: the minimum for
 * loss-like metrics, whose name contains {@code loss} or {@code error}, else the maximum), or an
 * attribute: {@code id}, {@code status}, {@code experiment}, {@code sweep}, {@code epochs},
 * {@code duration} (seconds from start to end, or to the last heartbeat while running) and
 * {@code started} (compared with dates such as {@code '2026-12-03'} or {@code '2026-12-03T10:00'}).
 *
 * @param kind what the field refers to
 * @param name the param key or metric name; the attribute's name for attributes
 */
public record Field(Kind kind, String name) {

    /** The families of fields. */
    public enum Kind { PARAM, METRIC_FINAL, METRIC_BEST, ATTRIBUTE }

    /** Attributes every run has, as users write them. */
    public static final List<String> ATTRIBUTES = List.of("id", "status", "experiment", "sweep", "epochs", "duration", "started");

    /** Parses a field reference; {@code null} when {@code text} is not one. */
    public static Field parse(String text) {
        if (text.startsWith("params.") && text.length() > "params.".length()) {
            return new Field(Kind.PARAM, text.substring("params.".length()));
        }
        if (text.startsWith("metrics.") && text.length() > "metrics.".length()) {
            String rest = text.substring("metrics.".length());
            if (rest.endsWith(".best") && rest.length() > ".best".length()) {
                return new Field(Kind.METRIC_BEST, rest.substring(0, rest.length() - ".best".length()));
            }
            return new Field(Kind.METRIC_FINAL, rest);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return ATTRIBUTES.contains(lower) ? new Field(Kind.ATTRIBUTE, lower) : null;
    }

    /** Whether larger values of this metric are worse (losses, errors). */
    public static boolean lowerIsBetter(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        return m.contains("loss") || m.contains("error");
    }

    /** Whether the field holds numbers (so it compares numerically and sorts as numbers). */
    boolean numeric() {
        return switch (kind) {
            case METRIC_FINAL, METRIC_BEST -> true;
            case PARAM -> false; // decided by the literal it is compared with
            case ATTRIBUTE -> name.equals("id") || name.equals("sweep") || name.equals("epochs") || name.equals("duration");
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PARAM -> "params." + name;
            case METRIC_FINAL -> "metrics." + name;
            case METRIC_BEST -> "metrics." + name + ".best";
            case ATTRIBUTE -> name;
        };
    }
}
