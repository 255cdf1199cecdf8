package org.djx.descriptor;

import java.util.Map;

/**
 * A reference to a plugin in a descriptor: its short {@code type} name and the parameters given
 * next to it, exactly as written (validation against the plugin's declared parameters happens when
 * the plugin is resolved).
 *
 * @param type the plugin's short name, e.g. {@code conv2d}
 * @param params the other keys of the entry, in file order
 * @param path the descriptor path of the entry, e.g. {@code model.layers[3]}, for messages
 */
public record PluginSpec(String type, Map<String, Object> params, String path) {

    public PluginSpec {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** Path of one parameter of this entry, e.g. {@code model.layers[3].units}. */
    public String pathOf(String param) {
        return path.isEmpty() ? param : path + "." + param;
    }
}
