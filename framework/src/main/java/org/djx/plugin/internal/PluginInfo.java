package org.djx.plugin.internal;

import org.djx.plugin.Plugin;
import org.djx.plugin.PluginKind;

/**
 * One installed plugin.
 *
 * @param source the jar (or class directory) its module came from, as a file name
 * @param module the fully qualified class name of its {@code PluginModule}
 */
public record PluginInfo(PluginKind kind, String name, Plugin plugin, String source, String module) {}
