package org.djx.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import java.util.function.BiConsumer;

/**
 * Binds plugins under their short names. A small facade over Guice {@link MapBinder}s, one per
 * {@link PluginKind}, so plugin modules never touch Guice types directly.
 *
 * <p>Names are lower-case words joined by '-' ({@code conv2d}, {@code leaky-relu}); a name is
 * what the descriptor's {@code type:} says.
 */
public final class PluginBinder {

    private final Binder binder;
    private final BiConsumer<PluginKind, String> onBind;

    /**
     * @param binder the Guice binder, or {@code null} to only record the names
     * @param onBind told of every binding, so the framework knows which module offers which name
     */
    public PluginBinder(Binder binder, BiConsumer<PluginKind, String> onBind) {
        this.binder = binder;
        this.onBind = onBind;
    }

    /** Binds a {@link LayerPlugin} under {@code name}; returns this binder for chaining. */
    public PluginBinder layer(String name, Class<? extends LayerPlugin> plugin) {
        return bind(PluginKind.LAYER, LayerPlugin.class, name, plugin);
    }

    /** Binds a {@link OptimizerPlugin} under {@code name}; returns this binder for chaining. */
    public PluginBinder optimizer(String name, Class<? extends OptimizerPlugin> plugin) {
        return bind(PluginKind.OPTIMIZER, OptimizerPlugin.class, name, plugin);
    }

    /** Binds a {@link SchedulePlugin} under {@code name}; returns this binder for chaining. */
    public PluginBinder schedule(String name, Class<? extends SchedulePlugin> plugin) {
        return bind(PluginKind.SCHEDULE, SchedulePlugin.class, name, plugin);
    }

    /** Binds a {@link LossPlugin} under {@code name}; returns this binder for chaining. */
    public PluginBinder loss(String name, Class<? extends LossPlugin> plugin) {
        return bind(PluginKind.LOSS, LossPlugin.class, name, plugin);
    }

    /** Binds a {@link DatasetPlugin} under {@code name}; returns this binder for chaining. */
    public PluginBinder dataset(String name, Class<? extends DatasetPlugin> plugin) {
        return bind(PluginKind.DATASET, DatasetPlugin.class, name, plugin);
    }

    private <T extends Plugin> PluginBinder bind(PluginKind kind, Class<T> type, String name, Class<? extends T> plugin) {
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("plugin name '" + name + "' must be lower-case words joined by '-'");
        }
        onBind.accept(kind, name);
        if (binder != null) {
            MapBinder.newMapBinder(binder, String.class, type).addBinding(name).to(plugin).in(com.google.inject.Singleton.class);
        }
        return this;
    }
}
