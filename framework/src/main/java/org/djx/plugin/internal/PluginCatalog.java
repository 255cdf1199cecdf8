package org.djx.plugin.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.djx.plugin.Plugin;
import org.djx.plugin.PluginKind;

/**
 * Every plugin found at start-up, by kind and name, plus the warnings about jars that could not be
 * loaded. Immutable once built by {@link PluginDiscovery}.
 */
public final class PluginCatalog {

    private final Map<PluginKind, Map<String, PluginInfo>> plugins = new EnumMap<>(PluginKind.class);
    private final List<String> warnings;

    PluginCatalog(List<PluginInfo> infos, List<String> warnings) {
        for (PluginKind kind : PluginKind.values()) {
            plugins.put(kind, new TreeMap<>());
        }
        for (PluginInfo info : infos) {
            plugins.get(info.kind()).put(info.name(), info);
        }
        this.warnings = List.copyOf(warnings);
    }

    /** The plugin of this kind and name, or {@code null}. */
    public <T extends Plugin> T find(PluginKind kind, String name) {
        PluginInfo info = plugins.get(kind).get(name);
        @SuppressWarnings("unchecked")
        T plugin = info == null ? null : (T) info.plugin();
        return plugin;
    }

    /** Every plugin of a kind, sorted by name. */
    public List<PluginInfo> all(PluginKind kind) {
        return List.copyOf(plugins.get(kind).values());
    }

    /** Every plugin, by kind then name. */
    public List<PluginInfo> all() {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            out.addAll(plugins.get(kind).values());
        }
        return out;
    }

    /** The names of one kind, sorted. */
    public List<String> names(PluginKind kind) {
        return Collections.unmodifiableList(new ArrayList<>(plugins.get(kind).keySet()));
    }

    /** Jars that were skipped because they failed to load, one sentence each. */
    public List<String> warnings() {
        return warnings;
    }
}
