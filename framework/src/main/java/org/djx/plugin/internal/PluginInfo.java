package org.djx.plugin.internal;

import org.djx.plugin.Plugin;
import org.djx.plugin.PluginKind;

/**
 * One installed plugin.
 *
 * @param source where its module came from: a plugin jar's path, or the file name of a class-path jar (or class directory)
 * @param module the fully qualified class name of its {@code PluginModule}
 */
public record PluginInfo(PluginKind kind, String name, Plugin plugin, String source, String module) {}
