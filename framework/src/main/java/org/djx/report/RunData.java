package org.djx.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.djx.store.MetricRecord;
import org.djx.store.MetricSummary;
import org.djx.store.ResultStore;
import org.djx.store.RunRecord;
import org.djx.store.query.Field;

/**
 * One run with everything a table, export or chart needs: its record, params and per-epoch metrics.
 *
 * @param curves metric name to (epoch to value), epochs ascending; empty when loaded by {@link #loadSummaries}
 * @param summaries metric name to its last, smallest and largest value
 */
public record RunData(RunRecord run, Map<String, Object> params, Map<String, TreeMap<Integer, Double>> curves,
        Map<String, MetricSummary> summaries) {

    /** Reads the given runs' params and metrics from the store. */
    public static List<RunData> load(ResultStore store, List<RunRecord> runs) {
        List<Long> ids = runs.stream().map(RunRecord::id).toList();
        Map<Long, Map<String, Object>> params = store.params(ids);
        Map<Long, List<MetricRecord>> metrics = store.metrics(ids);
        List<RunData> out = new ArrayList<>(runs.size());
        for (RunRecord r : runs) {
            Map<String, TreeMap<Integer, Double>> curves = new TreeMap<>();
            for (MetricRecord m : metrics.getOrDefault(r.id(), List.of())) {
                curves.computeIfAbsent(m.name(), k -> new TreeMap<>()).put(m.epoch(), m.value());
            }
            Map<String, MetricSummary> summaries = new TreeMap<>();
            curves.forEach((name, curve) -> summaries.put(name, summarise(curve)));
            out.add(new RunData(r, params.getOrDefault(r.id(), Map.of()), curves, summaries));
        }
        return out;
    }

    private static MetricSummary summarise(TreeMap<Integer, Double> curve) {
        double min = curve.values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = curve.values().stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new MetricSummary(curve.lastEntry().getValue(), min, max);
    }

    /**
     * Reads what a listing of many runs needs and no more: metric summaries computed by the store,
     * and only the params that {@code columns} name, or (with no columns) those that differ.
     * Without curves; thousands of runs in well under a second.
     */
    public static List<RunData> loadSummaries(ResultStore store, List<RunRecord> runs, List<String> columns) {
        List<Long> ids = runs.stream().map(RunRecord::id).toList();
        List<String> keys = new ArrayList<>();
        if (columns == null || columns.isEmpty()) {
            if (runs.size() > 1) {
                keys.addAll(store.differingParamKeys(ids));
            }
        } else {
            for (String c : columns) {
                Field f = Field.parse(c);
                if (f != null && f.kind() == Field.Kind.PARAM) {
                    keys.add(f.name());
                }
            }
        }
        Map<Long, Map<String, Object>> params = store.params(ids, keys);
        Map<Long, Map<String, MetricSummary>> summaries = store.metricSummaries(ids);
        List<RunData> out = new ArrayList<>(runs.size());
        for (RunRecord r : runs) {
            out.add(new RunData(r, params.getOrDefault(r.id(), Map.of()), Map.of(), summaries.getOrDefault(r.id(), Map.of())));
        }
        return out;
    }

    /** Value at the last stored epoch, or {@code null}. */
    public Double finalValue(String metric) {
        MetricSummary m = summaries.get(metric);
        return m == null ? null : nan(m.last());
    }

    /** Best value over the epochs (minimum for loss-like metrics, see {@link Field#lowerIsBetter}), or {@code null}. */
    public Double bestValue(String metric) {
        MetricSummary m = summaries.get(metric);
        return m == null ? null : nan(Field.lowerIsBetter(metric) ? m.min() : m.max());
    }

    /** Seconds from start to end (or to the last heartbeat while running). */
    public Double durationSeconds() {
        var end = run.endedAt() != null ? run.endedAt() : run.heartbeatAt();
        return run.startedAt() == null || end == null ? null : Duration.between(run.startedAt(), end).toMillis() / 1000.0;
    }

    /** The value of a column named like a {@code --where} field ({@code params.X}, {@code metrics.X.best}, {@code status}, ...). */
    public Object value(Field field) {
        return switch (field.kind()) {
            case PARAM -> params.get(field.name());
            case METRIC_FINAL -> finalValue(field.name());
            case METRIC_BEST -> bestValue(field.name());
            case ATTRIBUTE -> switch (field.name()) {
                case "id" -> run.id();
                case "status" -> run.status().label();
                case "experiment" -> run.experiment();
                case "sweep" -> run.sweepId();
                case "epochs" -> run.epochs();
                case "duration" -> durationSeconds();
                case "started" -> run.startedAt() == null ? null : run.startedAt().toString().substring(0, 19).replace('T', ' ');
                default -> null;
            };
        };
    }

    private static Double nan(Double v) {
        return v == null || v.isNaN() ? null : v;
    }

    /** Param keys whose values are not all the same across {@code runs} (absent counts as a value). */
    public static List<String> differingParams(List<RunData> runs) {
        TreeSet<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(r.params().keySet()));
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            Object first = runs.get(0).params().get(k);
            if (runs.stream().anyMatch(r -> !java.util.Objects.equals(first, r.params().get(k)))) {
                out.add(k);
            }
        }
        return out;
    }

    /** The metrics worth a column: validation accuracy and loss when recorded, else training ones. */
    public static List<String> mainMetrics(List<RunData> runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.summaries().keySet()));
        List<String> out = new ArrayList<>();
        for (String m : List.of("validate_accuracy", "validate_loss")) {
            if (names.contains(m)) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            for (String m : List.of("train_accuracy", "train_loss")) {
                if (names.contains(m)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Default columns of {@code djx runs}: identity, the params that differ, final and best main metrics. */
    public static List<String> defaultColumns(List<RunData> runs) {
        List<String> cols = new ArrayList<>(List.of("id", "experiment", "status", "started", "epochs", "duration"));
        if (runs.size() > 1) {
            differingParams(runs).forEach(k -> cols.add("params." + k));
        }
        for (String m : mainMetrics(runs)) {
            cols.add("metrics." + m);
            cols.add("metrics." + m + ".best");
        }
        return cols;
    }

    /** A table of {@code columns} (field names) for {@code runs}. */
    public static Table table(List<RunData> runs, List<String> columns) {
        List<Field> fields = new ArrayList<>();
        for (String c : columns) {
            Field f = Field.parse(c);
            if (f == null) {
                throw new org.djx.store.StoreException("--columns: unknown column '" + c
                        + "'; use params.KEY, metrics.NAME, metrics.NAME.best or one of " + String.join(", ", Field.ATTRIBUTES));
            }
            fields.add(f);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RunData r : runs) {
            List<Object> row = new ArrayList<>();
            fields.forEach(f -> row.add(r.value(f)));
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** Params as a map in key order, for exports. */
    public Map<String, Object> sortedParams() {
        return new LinkedHashMap<>(new TreeMap<>(params));
    }
}
