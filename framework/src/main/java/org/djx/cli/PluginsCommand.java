package org.djx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.PluginKind;
import org.djx.plugin.internal.PluginCatalog;
import org.djx.plugin.internal.PluginInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code djx plugins}: every installed plugin with its parameters and where it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List installed plugins: parameters with types, defaults, ranges and choices, and the jar each came from.",
                "User plugin jars are searched in --plugin-path, DJX_PLUGIN_PATH and plugins.d/ next to the store."})
final class PluginsCommand implements Callable<Integer> {

    enum Kind { layer, optimizer, schedule, loss, dataset }

    enum Format { table, json }

    @Option(names = "--kind", description = "Only this kind: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    Environment environment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PluginCatalog catalog = environment.plugins(spec.commandLine().getErr());
        List<PluginInfo> plugins = kind == null ? catalog.all() : catalog.all(PluginKind.valueOf(kind.name().toUpperCase()));
        if (format == Format.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PluginInfo p : plugins) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", p.kind().label());
                row.put("name", p.name());
                row.put("description", p.plugin().description());
                row.put("source", p.source());
                row.put("module", p.module());
                List<Map<String, Object>> params = new ArrayList<>();
                for (ParamSpec s : p.plugin().parameters()) {
                    Map<String, Object> param = new LinkedHashMap<>();
                    param.put("name", s.name());
                    param.put("type", s.type().label());
                    param.put("required", s.required());
                    param.put("default", s.defaultValue());
                    param.put("range", s.rangeText().isEmpty() ? null : s.rangeText());
                    param.put("choices", s.choices().isEmpty() ? null : s.choices());
                    param.put("description", s.description());
                    params.add(param);
                }
                row.put("parameters", params);
                rows.add(row);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else if (plugins.isEmpty()) {
            out.println("no " + (kind == null ? "" : kind + " ") + "plugins installed");
        } else {
            int nameWidth = plugins.stream().mapToInt(p -> p.name().length()).max().orElse(0);
            int paramWidth = plugins.stream().flatMap(p -> p.plugin().parameters().stream()).mapToInt(s -> s.name().length()).max().orElse(0);
            int typeWidth = plugins.stream().flatMap(p -> p.plugin().parameters().stream()).mapToInt(s -> s.type().label().length()).max().orElse(0);
            String pluginLine = "  %-" + nameWidth + "s  %s  [%s]%n";
            String paramLine = "      %-" + paramWidth + "s  %-" + typeWidth + "s  %s (%s)%n";
            PluginKind current = null;
            for (PluginInfo p : plugins) {
                if (p.kind() != current) {
                    current = p.kind();
                    out.println();
                    out.println((current.label().endsWith("s") ? current.label() + "es" : current.label() + "s").toUpperCase());
                }
                out.printf(pluginLine, p.name(), p.plugin().description(), p.source());
                for (ParamSpec s : p.plugin().parameters()) {
                    String extra = s.required() ? "required" : s.defaultValue() == null ? "optional" : "default " + text(s.defaultValue());
                    if (!s.rangeText().isEmpty()) {
                        extra += ", in " + s.rangeText();
                    }
                    if (!s.choices().isEmpty()) {
                        extra += ", one of " + String.join("|", s.choices());
                    }
                    out.printf(paramLine, s.name(), s.type().label(), s.description(), extra);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** Numbers as people write them: 0.00001, not 1.0E-5. */
    private static String text(Object value) {
        return value instanceof Double d ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }
}
