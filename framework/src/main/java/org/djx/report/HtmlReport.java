package org.djx.report;

import java.time.Instant;
import java.util.List;

/**
 * One self-contained HTML file: the runs table, a parallel-coordinates view of the differing
 * params against the chosen metric, and learning curves per run. Charts are inline SVG drawn
 * here; the small inline script only adds table sorting and highlighting, so the page needs no
 * network and reads fine with scripts off. After it has run, {@code <body data-charts-rendered=N>}
 * says how many charts the browser laid out (tests check it).
 */
public final class HtmlReport {

    private HtmlReport() {}

    /**
     * @param columns the table's columns (field names, as for {@code djx runs --columns})
     * @param metric the field the parallel coordinates colour by, e.g. {@code metrics.validate_accuracy.best}
     * @param subtitle what was selected (store, filters)
     */
    public static String render(String title, String subtitle, List<RunData> runs, List<String> columns, String metric) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style></head>\n<body>\n");
        h.append("<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"sub\">").append(Html.escape(subtitle))
                .append(" &middot; ").append(runs.size()).append(" runs &middot; generated ").append(Instant.now().toString(), 0, 19)
                .append(" UTC</p>\n");
        h.append("<h2>Runs</h2>\n<div class=\"scroll\"><table id=\"runs\"><thead><tr>");
        for (String c : columns) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        Table table = RunData.table(runs, columns);
        for (int i = 0; i < runs.size(); i++) {
            h.append("<tr data-run=\"").append(runs.get(i).run().id()).append("\">");
            for (Object v : table.rows().get(i)) {
                h.append(v instanceof Number ? "<td class=\"num\" data-v=\"" + v + "\">" : "<td>").append(Html.escape(Table.text(v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (!runs.isEmpty()) {
            List<String> params = RunData.differingParams(runs);
            h.append("<h2>Params against ").append(Html.escape(metric)).append("</h2>\n<p class=\"sub\">")
                    .append(params.isEmpty() ? "The runs share every param." : "One line per run; blue is a low " + Html.escape(metric)
                            + ", red a high one; grey lacks it. Hover a line or a table row to pick a run out.")
                    .append("</p>\n<div class=\"pc\">").append(ParallelCoordinates.svg(runs, params, metric)).append("</div>\n");
            h.append("<h2>Learning curves</h2>\n<div class=\"curves\">\n");
            for (RunData run : runs) {
                h.append("<section data-run=\"").append(run.run().id()).append("\"><h3>run ").append(run.run().id()).append(" &middot; ")
                        .append(Html.escape(run.run().experiment())).append(" &middot; ").append(run.run().status().label()).append("</h3>");
                List<Chart> charts = Chart.learningCurves(run);
                if (charts.isEmpty()) {
                    h.append("<p class=\"sub\">no epochs recorded</p>");
                }
                charts.forEach(c -> h.append(c.svg()));
                h.append("</section>\n");
            }
            h.append("</div>\n");
        }
        h.append("<script>\n").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; } h3 { font-size: 13px; margin: 4px 0; }
            .sub { color: #666; font-size: 13px; } .scroll { overflow-x: auto; max-width: 100%; }
            table { border-collapse: collapse; font-size: 12px; }
            th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; white-space: nowrap; }
            th { cursor: pointer; background: #f4f4f4; position: sticky; top: 0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.hi td { background: #fff3c4; }
            .curves { display: flex; flex-wrap: wrap; gap: 16px; }
            .curves section { border: 1px solid #e3e3e3; padding: 6px; }
            .pc-line { opacity: 0.75; } .pc-line.hi { stroke-width: 5; opacity: 1; } .pc.dim .pc-line:not(.hi) { opacity: 0.15; }
            """;

    private static final String SCRIPT = """
            (function () {
              'use strict';
              var table = document.getElementById('runs');
              var headers = table.tHead.rows[0].cells;
              Array.prototype.forEach.call(headers, function (th, col) {
                th.addEventListener('click', function () {
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  var asc = th.dataset.sort !== 'asc';
                  Array.prototype.forEach.call(headers, function (h) { delete h.dataset.sort; });
                  th.dataset.sort = asc ? 'asc' : 'desc';
                  rows.sort(function (a, b) {
                    var x = a.cells[col], y = b.cells[col];
                    var nx = x.dataset.v !== undefined ? parseFloat(x.dataset.v) : NaN;
                    var ny = y.dataset.v !== undefined ? parseFloat(y.dataset.v) : NaN;
                    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.textContent.localeCompare(y.textContent);
                    return asc ? c : -c;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
              var pc = document.querySelector('.pc');
              function highlight(run, on) {
                document.querySelectorAll('[data-run="' + run + '"]').forEach(function (el) { el.classList.toggle('hi', on); });
                if (pc) { pc.classList.toggle('dim', on); }
              }
              document.querySelectorAll('tr[data-run], .pc-line').forEach(function (el) {
                el.addEventListener('mouseenter', function () { highlight(el.dataset.run, true); });
                el.addEventListener('mouseleave', function () { highlight(el.dataset.run, false); });
              });
              var drawn = 0;
              document.querySelectorAll('svg.chart').forEach(function (svg) {
                var box = svg.getBBox();
                if (box.width > 0 && box.height > 0 && svg.querySelectorAll('polyline').length > 0) { drawn++; }
              });
              document.body.setAttribute('data-charts-rendered', String(drawn));
            })();
            """;
}
