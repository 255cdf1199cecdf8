package org.djx.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs with their params and per-epoch metrics, for other tools. JSON: an array of run objects;
 * JSON Lines: one run object per line; CSV: one row per run and epoch (a run without epochs gets
 * one row), with the run's attributes, every param ({@code params.KEY}) and every metric as columns.
 */
public final class Export {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Export() {}

    /** Export formats. */
    public enum Format { CSV, JSON, JSONL }

    public static void write(List<RunData> runs, Format format, PrintWriter out) throws java.io.IOException {
        switch (format) {
            case JSON -> out.println(Table.JSON.writeValueAsString(runs.stream().map(Export::object).toList()));
            case JSONL -> {
                for (RunData r : runs) {
                    out.println(JSON.writeValueAsString(object(r)));
                }
            }
            case CSV -> csv(runs, out);
        }
        out.flush();
    }

    static Map<String, Object> object(RunData r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.run().id());
        o.put("experiment", r.run().experiment());
        o.put("status", r.run().status().label());
        o.put("sweep", r.run().sweepId());
        o.put("trial", r.run().trial());
        o.put("started_at", str(r.run().startedAt()));
        o.put("ended_at", str(r.run().endedAt()));
        o.put("duration_s", r.durationSeconds());
        o.put("epochs", r.run().epochs());
        o.put("descriptor_hash", r.run().descriptorHash());
        o.put("descriptor_file", r.run().descriptorFile());
        o.put("error", r.run().error());
        o.put("provenance", new TreeMap<>(r.run().provenance()));
        o.put("params", r.sortedParams());
        Map<String, Map<String, Object>> summary = new TreeMap<>();
        r.curves().keySet().forEach(m -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("final", r.finalValue(m));
            s.put("best", r.bestValue(m));
            summary.put(m, s);
        });
        o.put("metrics", summary);
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Double>> e : byEpoch(r).entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.getKey());
            e.getValue().forEach((k, v) -> row.put(k, v == null || v.isNaN() ? null : v));
            epochs.add(row);
        }
        o.put("per_epoch", epochs);
        return o;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static TreeMap<Integer, Map<String, Double>> byEpoch(RunData r) {
        TreeMap<Integer, Map<String, Double>> out = new TreeMap<>();
        r.curves().forEach((name, curve) -> curve.forEach((epoch, v) -> out.computeIfAbsent(epoch, k -> new TreeMap<>()).put(name, v)));
        return out;
    }

    private static void csv(List<RunData> runs, PrintWriter out) {
        TreeSet<String> params = new TreeSet<>();
        TreeSet<String> metrics = new TreeSet<>();
        runs.forEach(r -> {
            params.addAll(r.params().keySet());
            metrics.addAll(r.curves().keySet());
        });
        List<String> header = new ArrayList<>(List.of("run_id", "experiment", "status", "sweep", "trial", "started_at", "ended_at", "epoch"));
        params.forEach(p -> header.add("params." + p));
        header.addAll(metrics);
        out.println(String.join(",", header.stream().map(Table::csv).toList()));
        for (RunData r : runs) {
            Map<Integer, Map<String, Double>> epochs = new LinkedHashMap<>(byEpoch(r));
            if (epochs.isEmpty()) {
                epochs.put(null, Map.of()); // still list the run
            }
            epochs.forEach((epoch, values) -> {
                List<Object> row = new ArrayList<>(List.of(r.run().id(), r.run().experiment(), r.run().status().label()));
                row.add(r.run().sweepId());
                row.add(r.run().trial());
                row.add(str(r.run().startedAt()));
                row.add(str(r.run().endedAt()));
                row.add(epoch);
                params.forEach(p -> row.add(r.params().get(p)));
                metrics.forEach(m -> {
                    Double v = values.get(m);
                    row.add(v == null || v.isNaN() ? null : v);
                });
                out.println(String.join(",", row.stream().map(v -> v == null ? "" : Table.csv(v instanceof Double d && d == Math.rint(d)
                        && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : v.toString())).toList()));
            });
        }
    }
}
