package org.djx.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named columns and rows of plain values, printed as an aligned text table, CSV or JSON.
 *
 * @param rows values: numbers, strings or {@code null}
 */
public record Table(List<String> columns, List<List<Object>> rows) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Output formats of tables. */
    public enum Format { TABLE, CSV, JSON }

    public void write(PrintWriter out, Format format) {
        switch (format) {
            case TABLE -> writeText(out);
            case CSV -> writeCsv(out);
            case JSON -> writeJson(out);
        }
        out.flush();
    }

    private void writeText(PrintWriter out) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        for (List<Object> row : rows) {
            cells.add(row.stream().map(Table::text).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean number = r > 0 && rows.get(r - 1).get(i) instanceof Number;
                line.append(i == 0 ? "" : "  ").append(pad(row.get(i), widths[i], number));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    /** A value as shown in text tables: numbers to 4 significant decimals, whole numbers without. */
    public static String text(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            double a = Math.abs(d);
            if (a != 0 && (a < 1e-3 || a >= 1e6)) {
                return String.format(java.util.Locale.ROOT, "%.3e", d);
            }
            // BigDecimal, not String.format: listings print tens of thousands of cells.
            return java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        return v.toString();
    }

    private void writeCsv(PrintWriter out) {
        out.println(String.join(",", columns.stream().map(Table::csv).toList()));
        for (List<Object> row : rows) {
            out.println(String.join(",", row.stream().map(v -> v == null ? "" : csv(v instanceof Double d && d == Math.rint(d)
                    && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : v.toString())).toList()));
        }
    }

    /** RFC 4180 quoting. */
    public static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void writeJson(PrintWriter out) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                o.put(columns.get(i), row.get(i));
            }
            objects.add(o);
        }
        try {
            out.println(JSON.writeValueAsString(objects));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
